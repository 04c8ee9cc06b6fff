#pragma once

#include "app/appcontext.h"

#include <QObject>
#include <optional>

namespace huike::ui {

// Who is at the till and which shift is open: the little state the screens share. Business
// rules stay in the engine's services; this only remembers the choices made at login.
class AppSession : public QObject {
    Q_OBJECT
public:
    explicit AppSession(AppContext &ctx, QObject *parent = nullptr) : QObject(parent), m_ctx(ctx) {}

    AppContext &ctx() { return m_ctx; }
    const Operator &op() const { return m_operator; }
    bool loggedIn() const { return m_operator.id > 0; }
    std::optional<Shift> shift() { return m_ctx.shifts().current(); }

    void setOperator(const Operator &o)
    {
        m_operator = o;
        Q_EMIT operatorChanged();
    }
    void logout()
    {
        m_operator = Operator{};
        Q_EMIT operatorChanged();
    }
    void notifyShiftChanged() { Q_EMIT shiftChanged(); }
    void notifySaleCommitted(const QString &receiptNo) { Q_EMIT saleCommitted(receiptNo); }

Q_SIGNALS:
    void operatorChanged();
    void shiftChanged();
    void saleCommitted(const QString &receiptNo);

private:
    AppContext &m_ctx;
    Operator m_operator;
};

} // namespace huike::ui
