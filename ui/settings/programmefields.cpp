// 会员方案 → 自定义字段: the fields a shop adds to its member form (members/profile.h), such as a
// cosmetics shop's 肤质 or a car-care shop's 保险到期. They show on the member form, in the member
// list's filters and as columns of the member CSV.

#include "programmepages.h"

#include "common/appsession.h"
#include "common/inputdialogs.h"
#include "members/profile.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QHash>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QTableWidget>
#include <QVBoxLayout>

namespace huike::ui {

using namespace programme;

namespace {

QString kindText(const QString &kind)
{
    static const QHash<QString, const char *> names = {
        {QStringLiteral("text"), QT_TRANSLATE_NOOP("FieldsPage", "Text")},
        {QStringLiteral("number"), QT_TRANSLATE_NOOP("FieldsPage", "Number")},
        {QStringLiteral("date"), QT_TRANSLATE_NOOP("FieldsPage", "Date")},
        {QStringLiteral("choice"), QT_TRANSLATE_NOOP("FieldsPage", "Single choice")},
        {QStringLiteral("multi"), QT_TRANSLATE_NOOP("FieldsPage", "Multiple choice")}};
    return QCoreApplication::translate("FieldsPage", names.value(kind, "Text"));
}

QStringList choicesTyped(const QString &text)
{
    static const QRegularExpression apart(QStringLiteral("[,，、;；\\n]+"));
    QStringList out;
    for (const QString &c : text.split(apart, Qt::SkipEmptyParts))
        if (!c.trimmed().isEmpty())
            out << c.trimmed();
    return out;
}

} // namespace

class FieldsPage : public QWidget {
    Q_OBJECT
public:
    explicit FieldsPage(AppSession &s)
        : m_s(s), m_table(ruleTable({tr("Field"), tr("Kind"), tr("Choices"), tr("On the form")}, "fieldList")),
          m_message(messageLabel())
    {
        auto *layout = new QVBoxLayout(this);
        auto *intro = new QLabel(tr("Fields of your own on the member form, in the member list's filters and in the "
                                    "exported CSV: 肤质 for a beauty salon, 保险到期 for a car-care shop."));
        intro->setWordWrap(true);
        layout->addWidget(intro);
        layout->addWidget(m_table, 1);
        auto *add = new QHBoxLayout;
        auto *label = new QLineEdit;
        label->setObjectName(QStringLiteral("fieldLabel"));
        label->setPlaceholderText(tr("Name, e.g. 肤质"));
        auto *kind = new QComboBox;
        kind->setObjectName(QStringLiteral("fieldKind"));
        for (const QString &k : memberFieldKinds())
            kind->addItem(kindText(k), k);
        auto *choices = new QLineEdit;
        choices->setObjectName(QStringLiteral("fieldChoices"));
        choices->setPlaceholderText(tr("Choices, apart by commas: 干性, 油性, 混合性"));
        auto *addButton = new QPushButton(tr("Add field"));
        addButton->setObjectName(QStringLiteral("addField"));
        add->addWidget(label);
        add->addWidget(kind);
        add->addWidget(choices, 1);
        add->addWidget(addButton);
        layout->addLayout(add);
        auto *change = new QHBoxLayout;
        change->addStretch(1);
        auto *editChoices = new QPushButton(tr("Change choices…"));
        auto *retire = new QPushButton(tr("Retire / restore"));
        change->addWidget(editChoices);
        change->addWidget(retire);
        layout->addLayout(change);
        layout->addWidget(m_message);
        auto choosing = [kind, choices] {
            const QString k = kind->currentData().toString();
            choices->setEnabled(k == QLatin1String("choice") || k == QLatin1String("multi"));
        };
        connect(kind, &QComboBox::currentIndexChanged, this, choosing);
        choosing();
        connect(addButton, &QPushButton::clicked, this, [this, label, kind, choices] {
            MemberField f;
            f.label = label->text();
            f.kind = kind->currentData().toString();
            f.choices = choicesTyped(choices->text());
            f.sortOrder = static_cast<int>(m_fields.size());
            auto id = saveMemberField(m_s.ctx().db(), f, m_s.op().id, m_s.ctx().clock().nowMs());
            if (report(id ? Status(Ok{}) : Status(id.error()), tr("%1 is on the member form.").arg(f.label.trimmed()))) {
                label->clear();
                choices->clear();
            }
        });
        connect(editChoices, &QPushButton::clicked, this, [this] {
            const MemberField *f = selected();
            if (!f)
                return;
            if (f->choices.isEmpty()) {
                say(m_message, tr("%1 has no choices.").arg(f->label), true);
                return;
            }
            const auto typed = askText(this, tr("Choices of %1").arg(f->label), tr("Choices, apart by commas:"),
                                       f->choices.join(QStringLiteral(", ")));
            if (!typed)
                return;
            MemberField changed = *f;
            changed.choices = choicesTyped(*typed);
            auto id = saveMemberField(m_s.ctx().db(), changed, m_s.op().id, m_s.ctx().clock().nowMs());
            report(id ? Status(Ok{}) : Status(id.error()), tr("The choices of %1 are saved.").arg(changed.label));
        });
        connect(retire, &QPushButton::clicked, this, [this] {
            const MemberField *f = selected();
            if (!f)
                return;
            MemberField changed = *f;
            changed.active = !changed.active;
            auto id = saveMemberField(m_s.ctx().db(), changed, m_s.op().id, m_s.ctx().clock().nowMs());
            report(id ? Status(Ok{}) : Status(id.error()),
                   changed.active ? tr("%1 is on the member form again.").arg(changed.label)
                                  : tr("%1 is off the form; members' values are kept.").arg(changed.label));
        });
        load();
    }

private:
    void load()
    {
        const int current = m_table->currentRow();
        m_table->setRowCount(0);
        auto list = memberFields(m_s.ctx().db(), true);
        m_fields = list ? *list : QList<MemberField>{};
        for (const MemberField &f : std::as_const(m_fields))
            appendRow(m_table, {f.label, kindText(f.kind), f.choices.join(QStringLiteral("、")), f.active ? tr("yes") : tr("no")},
                      false, f.id);
        if (current >= 0 && current < m_table->rowCount())
            m_table->selectRow(current);
    }

    const MemberField *selected()
    {
        const int row = m_table->currentRow();
        if (row < 0 || row >= m_fields.size()) {
            say(m_message, tr("Choose a field in the list first."), true);
            return nullptr;
        }
        return &m_fields.at(row);
    }

    bool report(const Status &st, const QString &done)
    {
        return reportChange(m_message, st, done, [this] { load(); });
    }

    AppSession &m_s;
    QTableWidget *m_table;
    QList<MemberField> m_fields;
    QLabel *m_message;
};

QWidget *programme::fieldsPage(AppSession &s)
{
    return new FieldsPage(s);
}

} // namespace huike::ui

#include "programmefields.moc"
