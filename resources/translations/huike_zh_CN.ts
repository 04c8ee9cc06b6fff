<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AppContext</name>
    <message>
        <source>%1 is read-only and was written by an older Huike: open it once where it can be written, so that it is brought up to date.</source>
        <translation>%1 是只读的，且由旧版汇客写入：请先在可写入的位置打开一次，使其升级到当前版本。</translation>
    </message>
</context>
<context>
    <name>Approvals</name>
    <message>
        <source>a refund</source>
        <translation>退货</translation>
    </message>
    <message>
        <source>a void</source>
        <translation>作废</translation>
    </message>
    <message>
        <source>a discount or price change</source>
        <translation>折扣或改价</translation>
    </message>
    <message>
        <source>An approval must name what it approves.</source>
        <translation>授权必须写明授权的内容。</translation>
    </message>
    <message>
        <source>This needs a manager&apos;s PIN on the spot.</source>
        <translation>此操作需要店长当场输入密码授权。</translation>
    </message>
    <message>
        <source>This approval is not known: ask the manager again.</source>
        <translation>无法识别此授权，请重新请店长授权。</translation>
    </message>
    <message>
        <source>This approval was already used: ask the manager again.</source>
        <translation>此授权已使用过，请重新请店长授权。</translation>
    </message>
    <message>
        <source>This approval has expired: ask the manager again.</source>
        <translation>此授权已过期，请重新请店长授权。</translation>
    </message>
    <message>
        <source>The manager who approved this is disabled or locked.</source>
        <translation>给出此授权的店长已被停用或锁定。</translation>
    </message>
    <message>
        <source>The manager approved %1 of %2 on %3, not %4 of %5 on %6: ask the manager again.</source>
        <translation>店长授权的是 %3 的%1（%2），而不是 %6 的%4（%5），请重新请店长授权。</translation>
    </message>
    <message>
        <source>a shift handed over</source>
        <translation>交接班次</translation>
    </message>
    <message>
        <source>a payment given back</source>
        <translation>退回一笔已收款</translation>
    </message>
    <message>
        <source>a refund paid back in cash</source>
        <translation>退款改退现金</translation>
    </message>
    <message>
        <source>a member card unlocked or replaced</source>
        <translation>会员卡解挂/解锁或补卡</translation>
    </message>
    <message>
        <source>a points adjustment</source>
        <translation>积分调整</translation>
    </message>
    <message>
        <source>a large recharge</source>
        <translation>大额充值</translation>
    </message>
    <message>
        <source>a stored value transfer</source>
        <translation>储值转赠</translation>
    </message>
    <message>
        <source>a member PIN reset</source>
        <translation>重置会员密码</translation>
    </message>
    <message>
        <source>a count card extended</source>
        <translation>计次卡延期</translation>
    </message>
    <message>
        <source>the cash drawer opened with no sale</source>
        <translation>无销售开钱箱</translation>
    </message>
</context>
<context>
    <name>Barcode</name>
    <message>
        <source>Empty code.</source>
        <translation>条码为空。</translation>
    </message>
    <message>
        <source>The code is too long (%1 characters).</source>
        <translation>条码过长（%1 个字符）。</translation>
    </message>
    <message>
        <source>The code holds characters a barcode cannot have.</source>
        <translation>条码中含有无效字符。</translation>
    </message>
    <message>
        <source>EAN-13 %1 has a wrong check digit: scan it again.</source>
        <translation>EAN-13 条码 %1 校验位错误，请重新扫描。</translation>
    </message>
    <message>
        <source>EAN-8 %1 has a wrong check digit: scan it again.</source>
        <translation>EAN-8 条码 %1 校验位错误，请重新扫描。</translation>
    </message>
    <message>
        <source>UPC-A %1 has a wrong check digit: scan it again.</source>
        <translation>UPC-A 条码 %1 校验位错误，请重新扫描。</translation>
    </message>
</context>
<context>
    <name>CallerId</name>
    <message>
        <source>a line too long to be a call</source>
        <translation>一行过长，不是来电</translation>
    </message>
    <message>
        <source>a line that is no call</source>
        <translation>一行无法识别为来电</translation>
    </message>
    <message>
        <source>a number that is no phone number</source>
        <translation>号码不是电话号码</translation>
    </message>
    <message>
        <source>a caller-ID message whose checksum is wrong</source>
        <translation>来电信息校验和错误</translation>
    </message>
    <message>
        <source>a caller-ID message too short</source>
        <translation>来电信息过短</translation>
    </message>
    <message>
        <source>a caller-ID message with no number</source>
        <translation>来电信息中没有号码</translation>
    </message>
</context>
<context>
    <name>Calls</name>
    <message>
        <source>The card-number pattern is no regular expression: %1</source>
        <translation>卡号规则不是有效的正则表达式：%1</translation>
    </message>
    <message>
        <source>Unknown card framing, caller-ID form or display kind.</source>
        <translation>未知的读卡格式、来电显示格式或客显类型。</translation>
    </message>
</context>
<context>
    <name>CardReader</name>
    <message>
        <source>a track ended without its LRC</source>
        <translation>磁道结束后缺少 LRC</translation>
    </message>
    <message>
        <source>a message was cut off</source>
        <translation>信息被截断</translation>
    </message>
    <message>
        <source>a line that is no card number</source>
        <translation>一行内容不是卡号</translation>
    </message>
    <message>
        <source>a frame cut off by the next one</source>
        <translation>一帧被下一帧截断</translation>
    </message>
    <message>
        <source>a frame too long</source>
        <translation>帧过长</translation>
    </message>
    <message>
        <source>a stripe read badly</source>
        <translation>磁条读取错误</translation>
    </message>
    <message>
        <source>a stripe whose LRC is wrong (swipe again)</source>
        <translation>磁条 LRC 错误（请重新刷卡）</translation>
    </message>
    <message>
        <source>a number too short or too long for a card</source>
        <translation>卡号过短或过长</translation>
    </message>
    <message>
        <source>a frame that is not ten digits and a checksum</source>
        <translation>帧不是十位数字加校验</translation>
    </message>
    <message>
        <source>a frame whose checksum is wrong</source>
        <translation>帧校验和错误</translation>
    </message>
    <message>
        <source>a stripe with no card number</source>
        <translation>磁条上没有卡号</translation>
    </message>
</context>
<context>
    <name>Cart</name>
    <message>
        <source>There is no line %1 in the cart.</source>
        <translation>购物车中没有第 %1 行。</translation>
    </message>
    <message>
        <source>The quantity must be more than zero.</source>
        <translation>数量必须大于零。</translation>
    </message>
    <message>
        <source>A discount must be between 0 and 10折.</source>
        <translation>折扣必须在 0 到 10 折之间。</translation>
    </message>
    <message>
        <source>A price cannot be negative.</source>
        <translation>价格不能为负数。</translation>
    </message>
    <message>
        <source>An order discount must be between 0 and 10折.</source>
        <translation>整单折扣必须在 0 到 10 折之间。</translation>
    </message>
    <message>
        <source>%1 is no longer sold and was left out</source>
        <translation>%1 已停售，已从单中去掉</translation>
    </message>
    <message>
        <source>%1 now costs %2</source>
        <translation>%1 现价 %2</translation>
    </message>
    <message>
        <source>A line cannot hold more than %1.</source>
        <translation>单行数量不能超过 %1。</translation>
    </message>
    <message>
        <source>A price above %1 is not taken.</source>
        <translation>价格不能超过 %1。</translation>
    </message>
    <message>
        <source>%1 off is more than the cart comes to (%2): give at most %2 off.</source>
        <translation>优惠 %1 大于购物车金额 %2：最多只能优惠 %2。</translation>
    </message>
    <message>
        <source>Payments are taken for this cart: use the count card before taking any payment.</source>
        <translation>本单已收款：请在收款前使用计次卡。</translation>
    </message>
    <message>
        <source>The count card is not the attached member&apos;s.</source>
        <translation>该计次卡不属于当前会员。</translation>
    </message>
    <message>
        <source>Payments are taken for this cart: change its coupons before taking any payment.</source>
        <translation>这一单已收过款：请在收款前更改优惠券。</translation>
    </message>
</context>
<context>
    <name>Catalog</name>
    <message>
        <source>No such product.</source>
        <translation>商品不存在。</translation>
    </message>
    <message>
        <source>Unknown barcode %1.</source>
        <translation>找不到条码 %1 对应的商品。</translation>
    </message>
    <message>
        <source>%1 is no longer sold (deactivated).</source>
        <translation>%1 已停用，不能销售。</translation>
    </message>
    <message>
        <source>Scale label %1: no product has PLU %2.</source>
        <translation>称重条码 %1：找不到 PLU 为 %2 的商品。</translation>
    </message>
    <message>
        <source>Scale label %1 has no weight.</source>
        <translation>称重条码 %1 中没有重量。</translation>
    </message>
    <message>
        <source>Scale label %1 has no amount.</source>
        <translation>称重条码 %1 中没有金额。</translation>
    </message>
    <message>
        <source>The product needs a name.</source>
        <translation>请填写商品名称。</translation>
    </message>
    <message>
        <source>The price cannot be negative.</source>
        <translation>售价不能为负数。</translation>
    </message>
    <message>
        <source>Product code %1 or PLU is already used.</source>
        <translation>货号 %1 或 PLU 已被使用。</translation>
    </message>
    <message>
        <source>Barcode %1 already belongs to another product.</source>
        <translation>条码 %1 已被其他商品使用。</translation>
    </message>
    <message>
        <source>The header must name at least the columns name/名称 and price/售价.</source>
        <translation>表头至少需要包含 name/名称 和 price/售价 两列。</translation>
    </message>
    <message>
        <source>line %1: %2</source>
        <translation>第 %1 行：%2</translation>
    </message>
    <message>
        <source>price &quot;%1&quot; is not an amount in yuan.</source>
        <translation>售价“%1”不是有效的金额（元）。</translation>
    </message>
    <message>
        <source>cost &quot;%1&quot; is not an amount in yuan.</source>
        <translation>进价“%1”不是有效的金额（元）。</translation>
    </message>
    <message>
        <source>stock &quot;%1&quot; is not a quantity.</source>
        <translation>库存“%1”不是有效的数量。</translation>
    </message>
    <message>
        <source>Scale label %1 says %2 kg of %3: more than the scales weigh (at most %4 kg). Weigh it again.</source>
        <translation>秤码 %1 显示 %3 重 %2 公斤，超过秤的最大称量（最多 %4 公斤）。请重新称重。</translation>
    </message>
    <message>
        <source>Scale label %1 gives a weight, but %2 is sold by the piece, not by weight.</source>
        <translation>秤码 %1 是重量码，但 %2 按件销售，不按重量销售。</translation>
    </message>
    <message>
        <source>The cost price cannot be negative.</source>
        <translation>进价不能为负数。</translation>
    </message>
    <message>
        <source>%1: a price above %2 is not taken (a slip of the keyboard or scanner?).</source>
        <translation>%1：价格不能超过 %2（是否误按键盘或扫码？）。</translation>
    </message>
    <message>
        <source>code %1 is already on line %2 of this file.</source>
        <translation>货号 %1 已在本文件第 %2 行出现。</translation>
    </message>
    <message>
        <source>barcode %1 is already on line %2 of this file.</source>
        <translation>条码 %1 已在本文件第 %2 行出现。</translation>
    </message>
    <message>
        <source>this is product %1 again, already imported on line %2.</source>
        <translation>此行又是商品 %1，已在第 %2 行导入。</translation>
    </message>
    <message>
        <source>%1 is importing products on %2: wait until that import is done.</source>
        <translation>%1 正在 %2 上导入商品：请等这次导入完成。</translation>
    </message>
    <message>
        <source>This import was stopped for too long and was undone.</source>
        <translation>这次导入中断时间过长，已被撤销。</translation>
    </message>
    <message>
        <source>The rows already imported will be undone when Huike next opens this store.</source>
        <translation>已导入的行将在汇客下次打开此门店数据时撤销。</translation>
    </message>
</context>
<context>
    <name>Checkout</name>
    <message>
        <source>A payment must be more than zero.</source>
        <translation>付款金额必须大于零。</translation>
    </message>
    <message>
        <source>Card, WeChat and Alipay payments (%1) exceed the total %2: no change can be given on them.</source>
        <translation>银行卡、微信支付和支付宝的付款金额（%1）超过了应收金额 %2，这几种方式不能找零。</translation>
    </message>
    <message>
        <source>Payments %1 do not cover the total %2 (%3 short).</source>
        <translation>已付 %1，不足应收金额 %2（还差 %3）。</translation>
    </message>
    <message>
        <source>A sale needs its id.</source>
        <translation>销售单缺少单号。</translation>
    </message>
    <message>
        <source>The cart is empty.</source>
        <translation>购物车为空。</translation>
    </message>
    <message>
        <source>%1: the quantity must be more than zero.</source>
        <translation>%1：数量必须大于零。</translation>
    </message>
    <message>
        <source>%1: a discount must be between 0 and 10折.</source>
        <translation>%1：折扣必须在 0 至 10折 之间。</translation>
    </message>
    <message>
        <source>%1: a price cannot be negative.</source>
        <translation>%1：价格不能为负数。</translation>
    </message>
    <message>
        <source>An order discount must be between 0 and 10折.</source>
        <translation>整单折扣必须在 0 至 10折 之间。</translation>
    </message>
    <message>
        <source>Product %1 no longer exists.</source>
        <translation>商品 %1 已不存在。</translation>
    </message>
    <message>
        <source>The shift is closed or belongs to another till: log in again to open a shift.</source>
        <translation>班次已交班或属于其他收银台，请重新登录开班。</translation>
    </message>
    <message>
        <source>Change of %1 is more than %2: check the cash amount (was a barcode scanned into it?).</source>
        <translation>找零 %1 超过 %2，请核对现金金额（是否把条码扫进了金额栏？）。</translation>
    </message>
    <message>
        <source>%1 is no longer sold: remove it from the cart.</source>
        <translation>%1 已停用，请从购物车中删除。</translation>
    </message>
    <message>
        <source>The price of %1 changed to %2 since it was scanned: remove it and scan it again.</source>
        <translation>%1 的售价在扫码后已改为 %2，请删除后重新扫码。</translation>
    </message>
    <message>
        <source>This till cannot take payments of kind %1.</source>
        <translation>本收银台不支持 %1 类付款。</translation>
    </message>
    <message>
        <source>%1 needs its payment reference: scan the customer&apos;s payment code or type the transaction number.</source>
        <translation>%1 需要支付凭证号：请扫描顾客的付款码或输入交易单号。</translation>
    </message>
    <message>
        <source>Change can be given in one tender only.</source>
        <translation>只能用一种付款方式找零。</translation>
    </message>
    <message>
        <source>No shift is open on this till: open one (log in at the till) before ringing anything up.</source>
        <translation>本收银台没有开班：请先登录开班再收银。</translation>
    </message>
    <message>
        <source>This till&apos;s shift is %1&apos;s: close it (交班) or have a manager hand it over before selling in it.</source>
        <translation>本机当前是 %1 的班次：请先交班，或由店长授权交接后再收银。</translation>
    </message>
    <message>
        <source>This sale has a price change, a scale label typed by hand or a discount beyond the cashier&apos;s limit: a manager&apos;s PIN is needed.</source>
        <translation>本单有改价、手工输入的秤码或超出收银员权限的折扣，需店长输入密码授权。</translation>
    </message>
    <message>
        <source>A payment above %1 is not taken: check the amount.</source>
        <translation>单笔付款不能超过 %1：请检查金额。</translation>
    </message>
    <message>
        <source>%1: at most %2 a line and %3 a unit; check the quantity and the price.</source>
        <translation>%1：单行数量最多 %2，单价最多 %3；请检查数量和价格。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a %2 payment code or transaction number: scan the customer&apos;s payment code, or type the whole transaction number (20 to 32 digits) from the customer&apos;s phone.</source>
        <translation>“%1”不是%2付款码或交易单号：请扫描顾客的付款码，或输入顾客手机上完整的交易单号（20 到 32 位数字）。</translation>
    </message>
    <message>
        <source>The member&apos;s level is now %1 (%2): attach the member again to price the sale at it.</source>
        <translation>该会员的等级现为 %1（%2）：请重新关联会员，按新等级计价。</translation>
    </message>
    <message>
        <source>%1 can only be paid with a member attached.</source>
        <translation>%1 只能在关联会员后使用。</translation>
    </message>
    <message>
        <source>%1: give how many (a whole number), not &quot;%2&quot;.</source>
        <translation>%1：请填写数量（整数），而不是“%2”。</translation>
    </message>
</context>
<context>
    <name>CountCards</name>
    <message>
        <source>The count card changed meanwhile (another till used it): try again.</source>
        <translation>计次卡刚被改动（另一台收银机用了它）：请重试。</translation>
    </message>
    <message>
        <source>A count card needs a name.</source>
        <translation>计次卡需要名称。</translation>
    </message>
    <message>
        <source>A count card holds 1 to 10,000 uses.</source>
        <translation>计次卡的次数为 1 到 10,000 次。</translation>
    </message>
    <message>
        <source>A count card&apos;s validity is 0 (never expires) to 36,600 days.</source>
        <translation>计次卡有效期为 0（永久有效）到 36,600 天。</translation>
    </message>
    <message>
        <source>A count card needs two different products: the card that is sold and the service a use covers.</source>
        <translation>计次卡需要两个不同的商品：售出的卡，以及每次抵扣的服务项目。</translation>
    </message>
    <message>
        <source>A count card is valid on any day, on weekdays or on weekends.</source>
        <translation>计次卡的可用日只能是每天、工作日或周末。</translation>
    </message>
    <message>
        <source>The count card %1 already has this name or this card product.</source>
        <translation>计次卡“%1”已使用这个名称或这个卡商品。</translation>
    </message>
    <message>
        <source>There is no count card %1.</source>
        <translation>没有编号为 %1 的计次卡。</translation>
    </message>
    <message>
        <source>Count card %1 (%2) was refunded.</source>
        <translation>计次卡 %1（%2）已退卡。</translation>
    </message>
    <message>
        <source>Count card %1 (%2) is used up.</source>
        <translation>计次卡 %1（%2）次数已用完。</translation>
    </message>
    <message>
        <source>Count card %1 (%2) expired on %3.</source>
        <translation>计次卡 %1（%2）已于 %3 到期。</translation>
    </message>
    <message>
        <source>Count card %1 (%2) is valid on weekdays only.</source>
        <translation>计次卡 %1（%2）仅限工作日使用。</translation>
    </message>
    <message>
        <source>Count card %1 (%2) is valid at weekends only.</source>
        <translation>计次卡 %1（%2）仅限周末使用。</translation>
    </message>
    <message>
        <source>%1 left of %2</source>
        <translation>剩 %1/%2 次</translation>
    </message>
    <message>
        <source>refunded</source>
        <translation>已退卡</translation>
    </message>
    <message>
        <source>, until %1</source>
        <translation>，至 %1</translation>
    </message>
    <message>
        <source>, %1 days from the first use</source>
        <translation>，首次使用起 %1 天</translation>
    </message>
    <message>
        <source>Count card %1 (%2): all its uses left are on this sale already.</source>
        <translation>计次卡 %1（%2）：剩余次数已全部用在本单。</translation>
    </message>
    <message>
        <source>Count card %1 (%2) covers %3, and there is none of it to pay for in the cart.</source>
        <translation>计次卡 %1（%2）抵扣“%3”，但购物车里没有可抵扣的该项目。</translation>
    </message>
    <message>
        <source>%1: a count card pays whole uses, not %2.</source>
        <translation>%1：计次卡只能按整次抵扣，不能抵 %2。</translation>
    </message>
    <message>
        <source>Count card %1 is not the attached member&apos;s.</source>
        <translation>计次卡 %1 不属于当前会员。</translation>
    </message>
    <message>
        <source>Count card %1 (%2) covers %3, not %4.</source>
        <translation>计次卡 %1（%2）抵扣“%3”，不能抵扣“%4”。</translation>
    </message>
    <message>
        <source>Count card %1 (%2) has %3 uses left, not %4.</source>
        <translation>计次卡 %1（%2）只剩 %3 次，不够 %4 次。</translation>
    </message>
    <message>
        <source>%1 is a count card: it is sold to a member. Attach the member first.</source>
        <translation>“%1”是计次卡，只能卖给会员：请先关联会员。</translation>
    </message>
    <message>
        <source>%1: count cards are sold whole, not %2.</source>
        <translation>%1：计次卡按整张出售，不能卖 %2。</translation>
    </message>
    <message>
        <source>%1 was paid with a count card: refund it in whole uses.</source>
        <translation>“%1”是用计次卡抵扣的：请按整次退。</translation>
    </message>
    <message>
        <source>%1: count cards are refunded whole.</source>
        <translation>%1：计次卡按整张退。</translation>
    </message>
    <message>
        <source>%1: only %2 of these count cards are unused. A card already used is not refunded as a new one.</source>
        <translation>%1：这些计次卡只有 %2 张未使用。已使用过的卡不能按新卡退。</translation>
    </message>
    <message>
        <source>No such count card plan.</source>
        <translation>没有这个计次卡方案。</translation>
    </message>
    <message>
        <source>A card is extended by 1 to 3,660 days.</source>
        <translation>计次卡可延期 1 到 3660 天。</translation>
    </message>
    <message>
        <source>Count card %1 was refunded.</source>
        <translation>计次卡 %1 已退卡。</translation>
    </message>
    <message>
        <source>Count card %1 has no end date to extend (it never expires, or its validity starts at the first use).</source>
        <translation>计次卡 %1 没有到期日可延（永久有效，或有效期从首次使用起算）。</translation>
    </message>
    <message>
        <source>%1 is no longer sold as a count card.</source>
        <translation>%1 已停售，不能再作为计次卡售出。</translation>
    </message>
</context>
<context>
    <name>CounterInput</name>
    <message>
        <source>&quot;%1&quot; is not a discount: type 9 or 8.5 for 9折 / 8.5折 (at most two decimals), 85 for 85%, or leave it empty for none.</source>
        <translation>“%1”不是有效的折扣：输入 9 或 8.5 表示 9折 / 8.5折（最多两位小数），输入 85 表示 85%，不打折请留空。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an amount off: type -20 or -20.5 for that many yuan off.</source>
        <translation>“%1”不是有效的减免金额：输入 -20 或 -20.5 表示减去相应的元数。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; before * is not a quantity: type a number above zero with at most three decimals, such as 3*code or 0.5*code.</source>
        <translation>* 前面的“%1”不是有效数量：请输入大于零、最多三位小数的数字，例如 3*条码 或 0.5*条码。</translation>
    </message>
    <message>
        <source>Only one * may come before the code.</source>
        <translation>条码前只能有一个 *。</translation>
    </message>
</context>
<context>
    <name>Coupons</name>
    <message>
        <source>%1折</source>
        <translation>%1折</translation>
    </message>
    <message>
        <source>free %1</source>
        <translation>赠 %1</translation>
    </message>
    <message>
        <source>%1 off %2</source>
        <translation>满%2减%1</translation>
    </message>
    <message>
        <source>%1 off</source>
        <translation>减%1</translation>
    </message>
    <message>
        <source>There is already a coupon type %1.</source>
        <translation>已有券种“%1”。</translation>
    </message>
    <message>
        <source>There is no coupon type %1.</source>
        <translation>没有券种“%1”。</translation>
    </message>
    <message>
        <source>There is no coupon %1.</source>
        <translation>没有券号为 %1 的优惠券。</translation>
    </message>
    <message>
        <source>Coupon type %1 is switched off.</source>
        <translation>券种“%1”已停用。</translation>
    </message>
    <message>
        <source>birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <source>Coupon %1 is on this sale twice.</source>
        <translation>优惠券 %1 在本单里用了两次。</translation>
    </message>
    <message>
        <source>Coupon %1 was already used.</source>
        <translation>优惠券 %1 已被使用。</translation>
    </message>
    <message>
        <source>Coupon %1 was voided.</source>
        <translation>优惠券 %1 已作废。</translation>
    </message>
    <message>
        <source>Coupon %1 expired.</source>
        <translation>优惠券 %1 已过期。</translation>
    </message>
    <message>
        <source>Coupon %1 is not valid yet.</source>
        <translation>优惠券 %1 尚未到使用日期。</translation>
    </message>
    <message>
        <source>Coupon %1 is a member&apos;s own: attach that member.</source>
        <translation>优惠券 %1 属于某位会员：请关联该会员。</translation>
    </message>
    <message>
        <source>Coupon %1 (%2) is one per order: it cannot go with other coupons.</source>
        <translation>优惠券 %1（%2）每单限用一张，不能与其他券同用。</translation>
    </message>
    <message>
        <source>Coupon %1 (%2) is for other goods than these.</source>
        <translation>优惠券 %1（%2）不适用于这些商品。</translation>
    </message>
    <message>
        <source>Coupon %1 (%2) gives a product: put it in the cart.</source>
        <translation>优惠券 %1（%2）是赠品券：请把赠品加入购物车。</translation>
    </message>
    <message>
        <source>Coupon %1 needs %2 of eligible goods; these come to %3.</source>
        <translation>优惠券 %1 需适用商品满 %2，本单适用商品为 %3。</translation>
    </message>
    <message>
        <source>Coupon %1 cannot be used on this sale (%2).</source>
        <translation>优惠券 %1 不能用于本单（%2）。</translation>
    </message>
    <message>
        <source>The coupon changed meanwhile: try again.</source>
        <translation>优惠券刚被改动：请重试。</translation>
    </message>
    <message>
        <source>Give a reason for voiding the coupon.</source>
        <translation>请填写作废优惠券的原因。</translation>
    </message>
    <message>
        <source>Coupon %1 is %2: only an unused one is voided.</source>
        <translation>优惠券 %1 状态为 %2：只能作废未使用的券。</translation>
    </message>
    <message>
        <source>A coupon type needs a name.</source>
        <translation>券种需要名称。</translation>
    </message>
    <message>
        <source>A cash coupon takes an amount off: give it.</source>
        <translation>代金券需填写减免金额。</translation>
    </message>
    <message>
        <source>A discount coupon is between 0 and 10折 (8.5折 = 850).</source>
        <translation>折扣券须在 0 到 10 折之间（8.5折 = 850）。</translation>
    </message>
    <message>
        <source>A gift coupon names the product it gives.</source>
        <translation>赠品券需指定赠送的商品。</translation>
    </message>
    <message>
        <source>A coupon is a cash voucher, a discount or a gift.</source>
        <translation>优惠券只能是代金券、折扣券或赠品券。</translation>
    </message>
    <message>
        <source>Amounts and days of a coupon type cannot be negative.</source>
        <translation>券种的金额和天数不能为负数。</translation>
    </message>
    <message>
        <source>A coupon is issued by hand, on registration, on the birthday or after a purchase.</source>
        <translation>优惠券的发放方式为手动、注册、生日或消费后。</translation>
    </message>
    <message>
        <source>A coupon&apos;s validity must end after it starts.</source>
        <translation>优惠券的结束日期须晚于开始日期。</translation>
    </message>
    <message>
        <source>No such coupon type.</source>
        <translation>没有这个券种。</translation>
    </message>
</context>
<context>
    <name>Csv</name>
    <message>
        <source>This system cannot convert GB18030 text.</source>
        <translation>本系统无法转换 GB18030 编码的文本。</translation>
    </message>
    <message>
        <source>The file is neither UTF-8 nor GBK/GB18030 text (bad byte at offset %1).</source>
        <translation>文件既不是 UTF-8 也不是 GBK/GB18030 编码的文本（偏移 %1 处有无效字节）。</translation>
    </message>
    <message>
        <source>The file starts like UTF-8 but holds invalid bytes.</source>
        <translation>文件看似 UTF-8 编码，但含有无效字节。</translation>
    </message>
    <message>
        <source>Line %1: a quote in the middle of an unquoted field.</source>
        <translation>第 %1 行：未加引号的字段中间出现了引号。</translation>
    </message>
    <message>
        <source>Line %1: too many columns.</source>
        <translation>第 %1 行：列数过多。</translation>
    </message>
    <message>
        <source>The file has more than %1 rows.</source>
        <translation>文件超过 %1 行。</translation>
    </message>
    <message>
        <source>Line %1: text after a closing quote.</source>
        <translation>第 %1 行：结束引号后面还有文字。</translation>
    </message>
    <message>
        <source>Line %1: a field is longer than %2 characters.</source>
        <translation>第 %1 行：有字段超过 %2 个字符。</translation>
    </message>
    <message>
        <source>Line %1: a quoted field is never closed.</source>
        <translation>第 %1 行：引号没有闭合。</translation>
    </message>
    <message>
        <source>The file is not UTF-8 text (it was read as UTF-8 because you asked for it).</source>
        <translation>该文件不是 UTF-8 文本（按您的要求以 UTF-8 读取）。</translation>
    </message>
    <message>
        <source>The file is empty.</source>
        <translation>文件是空的。</translation>
    </message>
    <message>
        <source>Line %1 on: %2</source>
        <translation>第 %1 行起：%2</translation>
    </message>
</context>
<context>
    <name>Database</name>
    <message>
        <source>The disk is full: nothing was saved. Free some space and try again.</source>
        <translation>磁盘已满，本次未保存任何数据。请清理磁盘空间后重试。</translation>
    </message>
    <message>
        <source>The database is busy in another window or terminal. Try again in a moment.</source>
        <translation>数据库正被其他窗口或终端占用，请稍后重试。</translation>
    </message>
    <message>
        <source>The database file is damaged. Restore the last backup.</source>
        <translation>数据库文件已损坏，请恢复最近一次的备份。</translation>
    </message>
    <message>
        <source>The database refused the change: %1</source>
        <translation>数据库拒绝了本次修改：%1</translation>
    </message>
    <message>
        <source>No database at %1.</source>
        <translation>在 %1 找不到数据库。</translation>
    </message>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>无法创建文件夹 %1。</translation>
    </message>
    <message>
        <source>Qt&apos;s SQLite driver is missing (package libqt6sql6-sqlite).</source>
        <translation>缺少 Qt 的 SQLite 驱动（软件包 libqt6sql6-sqlite）。</translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>无法打开 %1：%2</translation>
    </message>
    <message>
        <source>%1 is not a Huike database or is damaged (%2).</source>
        <translation>%1 不是汇客数据库，或已损坏（%2）。</translation>
    </message>
    <message>
        <source>Cannot switch %1 to WAL mode.</source>
        <translation>无法将 %1 切换为 WAL 模式。</translation>
    </message>
    <message>
        <source>Cannot read the schema version of %1.</source>
        <translation>无法读取 %1 的数据结构版本。</translation>
    </message>
    <message>
        <source>This database was written by a newer Huike (schema %1; this program knows up to %2). Install the newer Huike; the file was not changed.</source>
        <translation>此数据库由更新版本的汇客收银创建（数据结构版本 %1，本程序最高支持 %2）。请安装新版汇客收银；文件未做任何改动。</translation>
    </message>
    <message>
        <source>%1 is an SQLite file of another program, not a Huike database. It was not changed.</source>
        <translation>%1 是其他程序的 SQLite 文件，不是汇客数据库，文件未做任何改动。</translation>
    </message>
    <message>
        <source>%1 is not a Huike database or is damaged.</source>
        <translation>%1 不是汇客数据库，或已损坏。</translation>
    </message>
    <message>
        <source>Upgrading %1 would break a reference in table %2 (row %3); the file was not changed.</source>
        <translation>升级 %1 会破坏表 %2 中的引用（第 %3 行），文件未做任何改动。</translation>
    </message>
    <message>
        <source>The disk could not be written or read (full, removed or failing): nothing was saved. Check the disk and try again.</source>
        <translation>磁盘无法读写（已满、已拔出或故障）：未保存任何内容。请检查磁盘后重试。</translation>
    </message>
    <message>
        <source>The files SQLite keeps beside the database cannot be made: the folder is read-only or full. Nothing was saved.</source>
        <translation>无法在数据库旁创建 SQLite 所需的文件：文件夹只读或磁盘已满。未保存任何内容。</translation>
    </message>
    <message>
        <source>The database file may not be written: nothing was saved.</source>
        <translation>没有写入数据库文件的权限：未保存任何内容。</translation>
    </message>
    <message>
        <source>The database file or its folder is read-only: nothing was saved.</source>
        <translation>数据库文件或其所在文件夹为只读：未保存任何内容。</translation>
    </message>
</context>
<context>
    <name>DemoDevices</name>
    <message>
        <source>The demo store has no administrator to set its devices up.</source>
        <translation>演示店没有管理员，无法设置它的设备。</translation>
    </message>
    <message>
        <source>Simulated devices run only on a demo store (huike-cli init --demo): a shop&apos;s own device settings are never replaced.</source>
        <translation>模拟设备只能在演示店（huike-cli init --demo）上运行：不会替换店铺自己的设备设置。</translation>
    </message>
    <message>
        <source>The folder for the simulated devices may not contain a colon: %1</source>
        <translation>模拟设备所在的文件夹不能含有冒号：%1</translation>
    </message>
    <message>
        <source>Cannot create the folder for the simulated devices: %1</source>
        <translation>无法创建模拟设备的文件夹：%1</translation>
    </message>
    <message>
        <source>Simulated devices need socat: sudo apt-get install socat</source>
        <translation>模拟设备需要 socat：sudo apt-get install socat</translation>
    </message>
    <message>
        <source>socat did not start: %1</source>
        <translation>socat 未能启动：%1</translation>
    </message>
    <message>
        <source>socat made no pseudo-terminals in %1</source>
        <translation>socat 没有在 %1 中建立虚拟串口</translation>
    </message>
</context>
<context>
    <name>Devices</name>
    <message>
        <source>offline</source>
        <translation>脱机</translation>
    </message>
    <message>
        <source>out of paper</source>
        <translation>缺纸</translation>
    </message>
    <message>
        <source>cover open</source>
        <translation>纸仓盖打开</translation>
    </message>
    <message>
        <source>printer error (cutter jammed?)</source>
        <translation>打印机故障（切刀卡住？）</translation>
    </message>
    <message>
        <source>paper running low</source>
        <translation>纸将用完</translation>
    </message>
    <message>
        <source>The printer at %1 cannot print: %2.</source>
        <translation>%1 的打印机无法打印：%2。</translation>
    </message>
    <message>
        <source>%1 cannot be used: %2</source>
        <translation>%1 无法使用：%2</translation>
    </message>
    <message>
        <source>it took no data for %1 s (offline, or the wrong port or speed?)</source>
        <translation>%1 秒内未接收数据（脱机，或端口、波特率不对？）</translation>
    </message>
    <message>
        <source>A device is written like serial:/dev/ttyUSB0:9600, tcp:192.168.1.50:9100, usb:/dev/usb/lp0 or file:/path/out.bin.</source>
        <translation>设备的写法如 serial:/dev/ttyUSB0:9600、tcp:192.168.1.50:9100、usb:/dev/usb/lp0 或 file:/path/out.bin。</translation>
    </message>
    <message>
        <source>The device needs a path, like file:/tmp/receipt.bin or usb:/dev/usb/lp0.</source>
        <translation>设备需要路径，如 file:/tmp/receipt.bin 或 usb:/dev/usb/lp0。</translation>
    </message>
    <message>
        <source>A network printer is written like tcp:192.168.1.50:9100.</source>
        <translation>网络打印机的写法如 tcp:192.168.1.50:9100。</translation>
    </message>
    <message>
        <source>The network port is a number from 1 to 65535 (printers listen on 9100).</source>
        <translation>网络端口为 1 到 65535 的数字（打印机一般为 9100）。</translation>
    </message>
    <message>
        <source>The device kind is serial, tcp, usb or file.</source>
        <translation>设备类型为 serial、tcp、usb 或 file。</translation>
    </message>
    <message>
        <source>A serial device is written like serial:/dev/ttyUSB0:9600.</source>
        <translation>串口设备的写法如 serial:/dev/ttyUSB0:9600。</translation>
    </message>
    <message>
        <source>The baud rate is one of 1200, 2400, 4800, 9600, 19200, 38400, 57600 or 115200.</source>
        <translation>波特率为 1200、2400、4800、9600、19200、38400、57600 或 115200 之一。</translation>
    </message>
    <message>
        <source>The frame is data bits, parity and stop bits, like 8N1 or 7E1.</source>
        <translation>帧格式为数据位、校验位、停止位，如 8N1 或 7E1。</translation>
    </message>
    <message>
        <source>Flow control is none, rtscts or xonxoff.</source>
        <translation>流控为 none、rtscts 或 xonxoff。</translation>
    </message>
    <message>
        <source>A serial device is written like serial:/dev/ttyUSB0:9600:8N1:rtscts.</source>
        <translation>串口设备的写法如 serial:/dev/ttyUSB0:9600:8N1:rtscts。</translation>
    </message>
    <message>
        <source>%1 went away</source>
        <translation>%1 已断开</translation>
    </message>
    <message>
        <source>connected</source>
        <translation>已连接</translation>
    </message>
    <message>
        <source>connecting</source>
        <translation>正在连接</translation>
    </message>
</context>
<context>
    <name>FieldsPage</name>
    <message>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>数字</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Single choice</source>
        <translation>单选</translation>
    </message>
    <message>
        <source>Multiple choice</source>
        <translation>多选</translation>
    </message>
</context>
<context>
    <name>Gifts</name>
    <message>
        <source>Not enough of the gift in stock (another till may have given the last one).</source>
        <translation>礼品库存不足（可能另一台收银机刚兑走了最后一件）。</translation>
    </message>
    <message>
        <source>The opening stock is 0 to 1,000,000.</source>
        <translation>初始库存为 0 到 1000000。</translation>
    </message>
    <message>
        <source>A gift needs a name of at most 40 characters.</source>
        <translation>礼品需要名称，最多 40 个字。</translation>
    </message>
    <message>
        <source>A gift costs 1 or more points.</source>
        <translation>礼品至少需要 1 积分。</translation>
    </message>
    <message>
        <source>There is already a gift %1.</source>
        <translation>已有礼品 %1。</translation>
    </message>
    <message>
        <source>No such gift.</source>
        <translation>没有这个礼品。</translation>
    </message>
    <message>
        <source>Give the units received, or taken off as a negative number.</source>
        <translation>请填写入库数量，出库（报损）填负数。</translation>
    </message>
    <message>
        <source>Redeem 1 to 1,000 of a gift.</source>
        <translation>每次兑换 1 到 1000 件。</translation>
    </message>
    <message>
        <source>%1 is no longer offered.</source>
        <translation>%1 已停止兑换。</translation>
    </message>
</context>
<context>
    <name>HeldOrders</name>
    <message>
        <source>The cart is empty: nothing to hold.</source>
        <translation>购物车为空，无法挂单。</translation>
    </message>
    <message>
        <source>That held order was already recalled at another till.</source>
        <translation>该挂单已在其他收银台取单。</translation>
    </message>
    <message>
        <source>%1 was already paid for this order: give the payments back (in the payment window) before cancelling it.</source>
        <translation>此单已收款 %1：请先在收款窗口退回这些款项，再作废此单。</translation>
    </message>
</context>
<context>
    <name>InputDialogs</name>
    <message>
        <source>OK (Enter)</source>
        <translation>确定(Enter)</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>取消(Esc)</translation>
    </message>
    <message>
        <source>Enter a quantity above zero, with up to three decimals.</source>
        <translation>请输入大于零的数量，最多三位小数。</translation>
    </message>
    <message>
        <source>Enter a whole number above zero.</source>
        <translation>请输入大于零的整数。</translation>
    </message>
    <message>
        <source>Enter an amount in yuan, such as 12.50.</source>
        <translation>请输入金额（元），例如 12.50。</translation>
    </message>
    <message>
        <source>Order discount</source>
        <translation>整单优惠</translation>
    </message>
    <message>
        <source>Discount for the whole order: 9 or 8.5 for 9折 / 8.5折, -20 for 20 yuan off, empty for none.</source>
        <translation>整单优惠：输入 9 或 8.5 表示 9折 / 8.5折，输入 -20 表示减 20 元，留空表示不优惠。</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Huike POS - Log in</source>
        <translation>汇客收银 - 登录</translation>
    </message>
    <message>
        <source>Huike POS</source>
        <translation>汇客收银</translation>
    </message>
    <message>
        <source>Operator code</source>
        <translation>操作员编号</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Log in (Enter)</source>
        <translation>登录(Enter)</translation>
    </message>
</context>
<context>
    <name>MemberAnalysis</name>
    <message>
        <source>&lt;b&gt;Customer analysis&lt;/b&gt; being worked out…</source>
        <translation>&lt;b&gt;会员分析&lt;/b&gt; 正在计算…</translation>
    </message>
    <message>
        <source>&lt;b&gt;Customer analysis&lt;/b&gt; (as of %1) no purchase yet · %2</source>
        <translation>&lt;b&gt;会员分析&lt;/b&gt;（截至 %1）尚未购买 · %2</translation>
    </message>
    <message>
        <source>weekday habit %1</source>
        <translation>周期消费 %1</translation>
    </message>
    <message>
        <source>time-of-day habit %1</source>
        <translation>时段消费 %1</translation>
    </message>
    <message>
        <source>high value (%1)</source>
        <translation>高价值（%1）</translation>
    </message>
    <message>
        <source>RFM %1-%2-%3 %4</source>
        <translation>RFM %1-%2-%3 %4</translation>
    </message>
    <message>
        <source>&lt;b&gt;Customer analysis&lt;/b&gt; (as of %1) %2&lt;br&gt;%3 orders, net spend %4, last purchase %5 (%6 days ago)</source>
        <translation>&lt;b&gt;会员分析&lt;/b&gt;（截至 %1）%2&lt;br&gt;%3 单，净消费 %4，最近一次购买 %5（%6 天前）</translation>
    </message>
</context>
<context>
    <name>MemberCsv</name>
    <message>
        <source>The first row must name the columns, with at least 手机号 (phone).</source>
        <translation>第一行须为列名，至少要有“手机号”列。</translation>
    </message>
    <message>
        <source>营销许可 (consent) is 是 or 否, not &quot;%1&quot;.</source>
        <translation>营销许可应填“是”或“否”，而不是“%1”。</translation>
    </message>
    <message>
        <source>注册时间 (registered) &quot;%1&quot; is not a date such as 2024-03-01, or is in the future.</source>
        <translation>注册时间“%1”不是 2024-03-01 这样的日期，或晚于今天。</translation>
    </message>
    <message>
        <source>There is no level &quot;%1&quot;: the levels are %2.</source>
        <translation>没有“%1”这个等级，现有等级为：%2。</translation>
    </message>
    <message>
        <source>积分 (points) &quot;%1&quot; is not a whole number of points.</source>
        <translation>积分“%1”不是整数。</translation>
    </message>
    <message>
        <source>成长值 (growth) &quot;%1&quot; is not a whole number.</source>
        <translation>成长值“%1”不是整数。</translation>
    </message>
    <message>
        <source>累计消费 (net spend) &quot;%1&quot; is not an amount in yuan.</source>
        <translation>累计消费“%1”不是以元为单位的金额。</translation>
    </message>
    <message>
        <source>余额, 本金 and 赠送 are amounts in yuan, not negative (&quot;%1&quot;).</source>
        <translation>余额、本金和赠送须为不小于零的金额（“%1”）。</translation>
    </message>
    <message>
        <source>余额 %1 is not 本金 %2 + 赠送 %3.</source>
        <translation>余额 %1 不等于本金 %2 加赠送 %3。</translation>
    </message>
    <message>
        <source>%1 is on line %2 already: not imported twice.</source>
        <translation>%1 已在第 %2 行出现，不重复导入。</translation>
    </message>
    <message>
        <source>Card %1 is on line %2 already.</source>
        <translation>卡号 %1 已在第 %2 行出现。</translation>
    </message>
    <message>
        <source>The import stopped at line %1: %2. The rows before it are imported; import the file again to add the rest (those already in are reported as duplicates).</source>
        <translation>导入在第 %1 行停止：%2。此前的行已导入；再次导入同一文件即可补上其余行（已导入的会报为重复）。</translation>
    </message>
    <message>
        <source>The file cannot be written: %1</source>
        <translation>无法写入文件：%1</translation>
    </message>
</context>
<context>
    <name>MemberHistory</name>
    <message>
        <source>Imported</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Adjusted by hand</source>
        <translation>手工调整</translation>
    </message>
    <message>
        <source>Changed by hand</source>
        <translation>手工变更</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>退货</translation>
    </message>
    <message>
        <source>Sale</source>
        <translation>消费</translation>
    </message>
    <message>
        <source>Recharge</source>
        <translation>充值</translation>
    </message>
    <message>
        <source>Recharge refunded</source>
        <translation>退充值</translation>
    </message>
    <message>
        <source>Voided</source>
        <translation>作废</translation>
    </message>
    <message>
        <source>Earned</source>
        <translation>消费获得</translation>
    </message>
    <message>
        <source>Paid with points</source>
        <translation>积分抵现</translation>
    </message>
    <message>
        <source>Gift redeemed</source>
        <translation>兑换礼品</translation>
    </message>
    <message>
        <source>Taken back by a refund</source>
        <translation>退货扣回</translation>
    </message>
    <message>
        <source>Given back by a refund</source>
        <translation>退货退回</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>过期</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>消费支付</translation>
    </message>
    <message>
        <source>Transferred out</source>
        <translation>转出</translation>
    </message>
    <message>
        <source>Transferred in</source>
        <translation>转入</translation>
    </message>
    <message>
        <source>Upgraded</source>
        <translation>升级</translation>
    </message>
    <message>
        <source>Card bought</source>
        <translation>购卡</translation>
    </message>
    <message>
        <source>Used</source>
        <translation>使用</translation>
    </message>
    <message>
        <source>Use given back</source>
        <translation>退回次数</translation>
    </message>
    <message>
        <source>Card refunded</source>
        <translation>退卡</translation>
    </message>
    <message>
        <source>Extended</source>
        <translation>延期</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>注册</translation>
    </message>
    <message>
        <source>Profile edited</source>
        <translation>编辑资料</translation>
    </message>
    <message>
        <source>Reported lost</source>
        <translation>挂失</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>锁定</translation>
    </message>
    <message>
        <source>Unlocked</source>
        <translation>解锁</translation>
    </message>
    <message>
        <source>Card replaced</source>
        <translation>补卡</translation>
    </message>
    <message>
        <source>Photo changed</source>
        <translation>更换照片</translation>
    </message>
    <message>
        <source>Payment PIN set</source>
        <translation>设置支付密码</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>积分</translation>
    </message>
    <message>
        <source>Lot expires</source>
        <translation>到期</translation>
    </message>
    <message>
        <source>Principal</source>
        <translation>本金</translation>
    </message>
    <message>
        <source>Bonus</source>
        <translation>赠送</translation>
    </message>
    <message>
        <source>Growth</source>
        <translation>成长值</translation>
    </message>
    <message>
        <source>Net spend</source>
        <translation>消费额</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>卡</translation>
    </message>
    <message>
        <source>Uses</source>
        <translation>次数</translation>
    </message>
    <message>
        <source>New expiry</source>
        <translation>新有效期</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Lines</source>
        <translation>行数</translation>
    </message>
    <message>
        <source>Down after a refund</source>
        <translation>退货降级</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>单号</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>操作员</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>永久</translation>
    </message>
    <message>
        <source>Renewed at expiry</source>
        <translation>到期续级</translation>
    </message>
    <message>
        <source>Down at expiry</source>
        <translation>到期降级</translation>
    </message>
    <message>
        <source>phone</source>
        <translation>手机号</translation>
    </message>
    <message>
        <source>card</source>
        <translation>卡号</translation>
    </message>
    <message>
        <source>name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <source>address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>marketing consent</source>
        <translation>营销许可</translation>
    </message>
    <message>
        <source>referrer</source>
        <translation>推荐人</translation>
    </message>
    <message>
        <source>tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>custom fields</source>
        <translation>自定义字段</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>已移除</translation>
    </message>
    <message>
        <source>new photo</source>
        <translation>新照片</translation>
    </message>
    <message>
        <source>Growth from RFM</source>
        <translation>RFM 成长值</translation>
    </message>
    <message>
        <source>Moved by growth from RFM</source>
        <translation>随 RFM 成长值调整</translation>
    </message>
</context>
<context>
    <name>MemberProfile</name>
    <message>
        <source>No such field.</source>
        <translation>没有这个字段。</translation>
    </message>
    <message>
        <source>A field&apos;s name has 1 to 20 characters.</source>
        <translation>字段名称为 1 到 20 个字。</translation>
    </message>
    <message>
        <source>A field is text, a number, a date, a choice or a multiple choice.</source>
        <translation>字段类型为文本、数字、日期、单选或多选。</translation>
    </message>
    <message>
        <source>A choice has at most 20 characters and no &quot;|&quot;.</source>
        <translation>选项最多 20 个字，且不能含“|”。</translation>
    </message>
    <message>
        <source>Give the choices, one per line.</source>
        <translation>请填写选项，每行一个。</translation>
    </message>
    <message>
        <source>There is a field named %1 already.</source>
        <translation>已有名为 %1 的字段。</translation>
    </message>
    <message>
        <source>Members have values for %1: its kind cannot change. Retire it and add a new field instead.</source>
        <translation>已有会员填写了 %1，不能更改类型。请停用它并新建字段。</translation>
    </message>
    <message>
        <source>Members have chosen &quot;%1&quot;: it stays one of the choices.</source>
        <translation>已有会员选择了“%1”，该选项须保留。</translation>
    </message>
    <message>
        <source>%1 is a number, not &quot;%2&quot;.</source>
        <translation>%1 应为数字，而不是“%2”。</translation>
    </message>
    <message>
        <source>%1 is a date such as 2027-03-01, not &quot;%2&quot;.</source>
        <translation>%1 应为日期（如 2027-03-01），而不是“%2”。</translation>
    </message>
    <message>
        <source>%1 is one of %2, not &quot;%3&quot;.</source>
        <translation>%1 应为 %2 之一，而不是“%3”。</translation>
    </message>
    <message>
        <source>%1 takes any of %2, not &quot;%3&quot;.</source>
        <translation>%1 可选 %2，没有“%3”。</translation>
    </message>
    <message>
        <source>%1 has at most 200 characters.</source>
        <translation>%1 最多 200 个字。</translation>
    </message>
    <message>
        <source>A tag has at most 20 characters: &quot;%1&quot;.</source>
        <translation>标签最多 20 个字：“%1”。</translation>
    </message>
    <message>
        <source>A member has at most 20 tags.</source>
        <translation>每位会员最多 20 个标签。</translation>
    </message>
    <message>
        <source>The custom field %1 is not one of the shop&apos;s fields.</source>
        <translation>自定义字段 %1 不是本店的字段。</translation>
    </message>
    <message>
        <source>A member cannot refer themselves.</source>
        <translation>会员不能推荐自己。</translation>
    </message>
    <message>
        <source>No such member.</source>
        <translation>没有这位会员。</translation>
    </message>
    <message>
        <source>The card number changes only by 补卡 (replace card).</source>
        <translation>卡号只能通过补卡更换。</translation>
    </message>
    <message>
        <source>A photo is a JPEG or PNG picture.</source>
        <translation>照片须为 JPEG 或 PNG 图片。</translation>
    </message>
    <message>
        <source>The photo is too large: at most %1 KB once scaled.</source>
        <translation>照片太大：缩放后最多 %1 KB。</translation>
    </message>
    <message>
        <source>%1 is one of the member list&apos;s own columns: give the field another name.</source>
        <translation>%1 是会员列表自带的列：请给字段另起名称。</translation>
    </message>
</context>
<context>
    <name>Members</name>
    <message>
        <source>&quot;%1&quot; is not a mainland mobile number: 11 digits starting with 13 to 19.</source>
        <translation>“%1”不是大陆手机号：应为 13 至 19 开头的 11 位数字。</translation>
    </message>
    <message>
        <source>Gender is 男 or 女 (or left empty), not &quot;%1&quot;.</source>
        <translation>性别请填“男”或“女”（或留空），不是“%1”。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a birthday: type it as 1990-05-20, or 05-20 without the year.</source>
        <translation>“%1”不是有效的生日：请按 1990-05-20 填写，不知道年份可填 05-20。</translation>
    </message>
    <message>
        <source>A card number has at most 32 characters and no spaces.</source>
        <translation>卡号最多 32 个字符，且不能有空格。</translation>
    </message>
    <message>
        <source>A name has at most 40 characters.</source>
        <translation>姓名最多 40 个字。</translation>
    </message>
    <message>
        <source>%1 is already a member (%2).</source>
        <translation>%1 已经是会员（%2）。</translation>
    </message>
    <message>
        <source>Card %1 already belongs to %2.</source>
        <translation>卡号 %1 已属于 %2。</translation>
    </message>
    <message>
        <source>The referring member does not exist.</source>
        <translation>推荐人会员不存在。</translation>
    </message>
    <message>
        <source>No such member.</source>
        <translation>没有这个会员。</translation>
    </message>
    <message>
        <source>No member has the phone or card %1.</source>
        <translation>没有手机号或卡号为 %1 的会员。</translation>
    </message>
    <message>
        <source>%1&apos;s card is reported lost: replace it (补卡) before use.</source>
        <translation>%1 的会员卡已挂失：补卡后才能使用。</translation>
    </message>
    <message>
        <source>%1&apos;s card is locked: a manager unlocks it in the member screen.</source>
        <translation>%1 的会员卡已锁定：需由店长在会员界面解锁。</translation>
    </message>
    <message>
        <source>This card of %1 was replaced: use the new card.</source>
        <translation>%1 的这张卡已换卡作废：请使用新卡。</translation>
    </message>
    <message>
        <source>The member programme has no level: add one in Settings.</source>
        <translation>会员方案中没有任何等级：请在设置中添加。</translation>
    </message>
    <message>
        <source>%1 points pay %2, not %3.</source>
        <translation>%1 积分可抵 %2，而不是 %3。</translation>
    </message>
    <message>
        <source>Points may pay at most %1 of this sale (%2), not %3.</source>
        <translation>积分最多抵扣本单的 %1（%2），不能抵 %3。</translation>
    </message>
    <message>
        <source>The member has since used the points this sale earned: %1 points must be taken back. %2</source>
        <translation>该会员已使用了本单所得的积分：需扣回 %1 积分。%2</translation>
    </message>
    <message>
        <source>The member&apos;s points changed meanwhile: try again.</source>
        <translation>会员积分刚被其他操作修改：请重试。</translation>
    </message>
    <message>
        <source>The member has %1 points, %2 are needed (%3 short).</source>
        <translation>会员有 %1 积分，需要 %2（差 %3）。</translation>
    </message>
    <message>
        <source>The refund gives back more points than the sale took.</source>
        <translation>退货退回的积分多于原单使用的积分。</translation>
    </message>
    <message>
        <source>Card %1 was replaced (补卡) and cannot be used again.</source>
        <translation>卡号 %1 已补卡作废，不能再次使用。</translation>
    </message>
    <message>
        <source>Card %1 was replaced (补卡): use the member&apos;s new card or their phone.</source>
        <translation>卡号 %1 已补卡作废：请使用会员的新卡或手机号。</translation>
    </message>
    <message>
        <source>Give a reason.</source>
        <translation>请填写原因。</translation>
    </message>
    <message>
        <source>The card is not lost or locked.</source>
        <translation>该卡未挂失也未锁定。</translation>
    </message>
    <message>
        <source>That is the member&apos;s card already.</source>
        <translation>这已经是该会员的卡号。</translation>
    </message>
    <message>
        <source>Card %1 is or was another card: use a new one.</source>
        <translation>卡号 %1 已被使用过：请换一张新卡。</translation>
    </message>
    <message>
        <source>Give the points to add or take off.</source>
        <translation>请填写要增加或扣减的积分。</translation>
    </message>
    <message>
        <source>The member&apos;s stored value changed meanwhile: try again.</source>
        <translation>会员储值刚被改动，请重试。</translation>
    </message>
    <message>
        <source>Stored value put in must be more than zero.</source>
        <translation>存入的储值必须大于零。</translation>
    </message>
    <message>
        <source>Insufficient balance: the member&apos;s stored value is %1, %2 is needed (%3 short).</source>
        <translation>余额不足：会员储值 %1，需要 %2（差 %3）。</translation>
    </message>
    <message>
        <source>The refund gives back more stored value than the sale took.</source>
        <translation>退回的储值多于这笔销售扣除的储值。</translation>
    </message>
    <message>
        <source>The member&apos;s PIN was entered wrong %1 times: stored value is locked until a manager resets the PIN.</source>
        <translation>会员密码已输错 %1 次：储值已锁定，需店长重置密码。</translation>
    </message>
    <message>
        <source>The member set a PIN for stored value: ask them to type it.</source>
        <translation>该会员设置了储值支付密码：请会员输入。</translation>
    </message>
    <message>
        <source>Wrong member PIN (%1 tries left).</source>
        <translation>会员密码错误（还可尝试 %1 次）。</translation>
    </message>
    <message>
        <source>Wrong member PIN: stored value is now locked until a manager resets the PIN.</source>
        <translation>会员密码错误：储值已锁定，需店长重置密码。</translation>
    </message>
    <message>
        <source>A member PIN is 4 to 6 digits.</source>
        <translation>会员密码为 4 到 6 位数字。</translation>
    </message>
    <message>
        <source>The current member PIN is needed to change it (a forgotten PIN is reset by a manager).</source>
        <translation>修改密码需要输入原密码（忘记密码请店长重置）。</translation>
    </message>
    <message>
        <source>A recharge needs its id.</source>
        <translation>充值缺少单据编号。</translation>
    </message>
    <message>
        <source>A recharge is more than zero and at most %1.</source>
        <translation>充值金额须大于零且不超过 %1。</translation>
    </message>
    <message>
        <source>A recharge is paid in money: not with %1.</source>
        <translation>充值须用现金、银行卡或扫码支付，不能用%1。</translation>
    </message>
    <message>
        <source>A recharge above %1 needs a manager&apos;s PIN (大额充值授权).</source>
        <translation>充值超过 %1 需要店长授权（大额充值授权）。</translation>
    </message>
    <message>
        <source>%1 is not a recharge.</source>
        <translation>%1 不是充值单。</translation>
    </message>
    <message>
        <source>Nothing of recharge %1 is left to pay back: it was spent or refunded.</source>
        <translation>充值单 %1 已无可退余额：已消费或已退款。</translation>
    </message>
    <message>
        <source>Stored value is transferred to another member.</source>
        <translation>储值只能转赠给另一位会员。</translation>
    </message>
    <message>
        <source>Give the amount to transfer.</source>
        <translation>请输入转赠金额。</translation>
    </message>
    <message>
        <source>The programme needs at least one level.</source>
        <translation>会员方案至少要有一个等级。</translation>
    </message>
    <message>
        <source>Growth value per yuan is 0 to 1,000.</source>
        <translation>每元成长值为 0 到 1000。</translation>
    </message>
    <message>
        <source>A level needs a name of at most 20 characters.</source>
        <translation>等级需要名称，最多 20 个字。</translation>
    </message>
    <message>
        <source>There are two levels named %1.</source>
        <translation>有两个等级都叫 %1。</translation>
    </message>
    <message>
        <source>%1: the level price is above 0 and at most 10折.</source>
        <translation>%1：等级折扣须大于 0 且不超过 10折。</translation>
    </message>
    <message>
        <source>%1: the points rate is 0 to 100 times.</source>
        <translation>%1：积分倍率为 0 到 100 倍。</translation>
    </message>
    <message>
        <source>%1: a threshold cannot be negative.</source>
        <translation>%1：升级门槛不能为负数。</translation>
    </message>
    <message>
        <source>%1 is the lowest level: every member starts there, so it needs nothing.</source>
        <translation>%1 是最低等级：所有会员从这里开始，门槛须为 0。</translation>
    </message>
    <message>
        <source>%1 must need more than %2, the level below it.</source>
        <translation>%1 的门槛必须高于下一级 %2。</translation>
    </message>
    <message numerus="yes">
        <source>%n member(s) hold the level %1: it cannot be removed.</source>
        <translation>
            <numerusform>有 %n 位会员处于等级 %1：不能删除。</numerusform>
        </translation>
    </message>
    <message>
        <source>No such level.</source>
        <translation>没有这个等级。</translation>
    </message>
    <message>
        <source>A point is earned per ¥0.01 to ¥10,000 of the earning base.</source>
        <translation>每积 1 分所需消费为 ¥0.01 到 ¥10,000。</translation>
    </message>
    <message>
        <source>Points pay at least ¥0.01 and at most ¥1,000 per step.</source>
        <translation>积分抵现每档至少 ¥0.01，最多 ¥1,000。</translation>
    </message>
    <message>
        <source>Points pay at most 0% to 100% of a sale.</source>
        <translation>积分最多抵扣一单的 0% 到 100%。</translation>
    </message>
    <message>
        <source>A points multiplier is for one product or one category.</source>
        <translation>积分倍数只针对一个商品或一个分类。</translation>
    </message>
    <message>
        <source>A points multiplier is 0 (no points) to 100 times.</source>
        <translation>积分倍数为 0（不积分）到 100 倍。</translation>
    </message>
    <message>
        <source>Tick at least one day of the week.</source>
        <translation>请至少勾选一周中的一天。</translation>
    </message>
    <message>
        <source>A time window ends after it starts, within the day.</source>
        <translation>时段须在当天内，结束晚于开始。</translation>
    </message>
    <message>
        <source>No such time window.</source>
        <translation>没有这个时段。</translation>
    </message>
    <message>
        <source>充%1送%2: a tier asks more than zero and gives less than it asks.</source>
        <translation>充%1送%2：充值额须大于 0，赠送须少于充值额。</translation>
    </message>
    <message>
        <source>Two tiers start at %1.</source>
        <translation>有两档都从 %1 起。</translation>
    </message>
    <message>
        <source>The approval limit cannot be negative.</source>
        <translation>授权额度不能为负数。</translation>
    </message>
    <message>
        <source>%1: a level is valid 0 (for good) to 3,660 days.</source>
        <translation>%1：等级有效期为 0（永久）到 3660 天。</translation>
    </message>
    <message>
        <source>%1 is the lowest level: it is held for good.</source>
        <translation>%1 是最低等级：永久有效。</translation>
    </message>
    <message>
        <source>Growth from RFM moves members by growth value: choose growth value as what members move up by.</source>
        <translation>RFM 成长值按成长值调整等级：请把升级依据选为成长值。</translation>
    </message>
    <message>
        <source>An RFM weight is 0 to 10,000 growth value a point.</source>
        <translation>RFM 权重为每分 0 到 10,000 成长值。</translation>
    </message>
    <message>
        <source>Growth from RFM needs at least one weight above 0.</source>
        <translation>RFM 成长值至少需要一个大于 0 的权重。</translation>
    </message>
</context>
<context>
    <name>Operators</name>
    <message>
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>店长</translation>
    </message>
    <message>
        <source>Cashier</source>
        <translation>收银员</translation>
    </message>
    <message>
        <source>Wrong operator code or PIN.</source>
        <translation>操作员编号或密码错误。</translation>
    </message>
    <message>
        <source>No such operator.</source>
        <translation>操作员不存在。</translation>
    </message>
    <message>
        <source>Operator %1 is disabled.</source>
        <translation>操作员 %1 已停用。</translation>
    </message>
    <message>
        <source>Operator %1 is locked after %2 wrong PINs. A manager must unlock it.</source>
        <translation>操作员 %1 因密码错误 %2 次已被锁定，请联系店长解锁。</translation>
    </message>
    <message>
        <source>Wrong PIN %1 times: operator %2 is now locked. A manager must unlock it.</source>
        <translation>密码已错误 %1 次，操作员 %2 已被锁定，请联系店长解锁。</translation>
    </message>
    <message>
        <source>Wrong operator code or PIN (%1 tries left).</source>
        <translation>操作员编号或密码错误（还可尝试 %1 次）。</translation>
    </message>
    <message>
        <source>%1 is not a manager: a manager&apos;s PIN is needed.</source>
        <translation>%1 不是店长，需要店长密码授权。</translation>
    </message>
    <message>
        <source>An operator needs a code and a name.</source>
        <translation>操作员必须填写编号和姓名。</translation>
    </message>
    <message>
        <source>A PIN has 4 to 12 characters.</source>
        <translation>密码须为 4 至 12 位。</translation>
    </message>
    <message>
        <source>Cannot hash the PIN (out of memory).</source>
        <translation>无法加密密码（内存不足）。</translation>
    </message>
    <message>
        <source>Operator code %1 is already used.</source>
        <translation>操作员编号 %1 已被使用。</translation>
    </message>
    <message>
        <source>Only a manager can unlock an operator.</source>
        <translation>只有店长才能解锁操作员。</translation>
    </message>
    <message>
        <source>Only a manager or the admin can add operators.</source>
        <translation>只有店长或管理员才能添加操作员。</translation>
    </message>
    <message>
        <source>Only the admin can add managers and admins.</source>
        <translation>只有管理员才能添加店长和管理员。</translation>
    </message>
    <message>
        <source>An operator needs a name.</source>
        <translation>操作员需要姓名。</translation>
    </message>
    <message>
        <source>Only the admin can edit managers and admins.</source>
        <translation>只有管理员可以修改店长和管理员。</translation>
    </message>
    <message>
        <source>Only a manager or the admin can edit operators.</source>
        <translation>只有店长或管理员可以修改操作员。</translation>
    </message>
    <message>
        <source>Nobody deactivates or demotes himself: ask another admin.</source>
        <translation>不能停用或降级自己：请另一位管理员操作。</translation>
    </message>
    <message>
        <source>%1 is the store&apos;s only admin: make another admin first.</source>
        <translation>%1 是本店唯一的管理员：请先设置另一位管理员。</translation>
    </message>
</context>
<context>
    <name>Payments</name>
    <message>
        <source>A sale needs its id.</source>
        <translation>销售单缺少单号。</translation>
    </message>
    <message>
        <source>This sale is already recorded.</source>
        <translation>这笔销售已经入账。</translation>
    </message>
    <message>
        <source>Say why the payment is given back.</source>
        <translation>请填写退回这笔款项的原因。</translation>
    </message>
    <message>
        <source>Giving back a %1 payment needs a manager&apos;s PIN: it is refunded outside the till.</source>
        <translation>退回%1款项需要店长授权：这笔钱要在收银机以外退给顾客。</translation>
    </message>
    <message>
        <source>That payment was already given back or sold.</source>
        <translation>这笔款项已经退回或已经入账。</translation>
    </message>
    <message>
        <source>The payments given are not the ones taken for this cart: open the payment window again.</source>
        <translation>提交的款项与此单已收的款项不符：请重新打开收款窗口。</translation>
    </message>
</context>
<context>
    <name>Permissions</name>
    <message>
        <source>change products</source>
        <translation>修改商品</translation>
    </message>
    <message>
        <source>change prices</source>
        <translation>修改售价</translation>
    </message>
    <message>
        <source>change stock</source>
        <translation>调整库存</translation>
    </message>
    <message>
        <source>change settings</source>
        <translation>修改设置</translation>
    </message>
    <message>
        <source>Only a logged-in manager or the admin may %1.</source>
        <translation>只有已登录的店长或管理员才能%1。</translation>
    </message>
    <message>
        <source>A cashier may not %1: ask a manager.</source>
        <translation>收银员不能%1，请找店长。</translation>
    </message>
    <message>
        <source>see cost prices</source>
        <translation>查看进价</translation>
    </message>
</context>
<context>
    <name>PointsCsv</name>
    <message>
        <source>The first row must name the columns: 手机号 (phone) or 卡号 (card), and 积分 (points).</source>
        <translation>第一行须为列名：手机号（或卡号）和积分。</translation>
    </message>
    <message>
        <source>This file was imported already (%1): its points are not given twice.</source>
        <translation>此文件已于 %1 导入过：积分不会重复发放。</translation>
    </message>
    <message>
        <source>积分 (points) &quot;%1&quot; is not a whole number of points other than 0.</source>
        <translation>积分“%1”不是非零的整数。</translation>
    </message>
    <message>
        <source>No member has the phone or card &quot;%1&quot;.</source>
        <translation>没有手机号或卡号为“%1”的会员。</translation>
    </message>
</context>
<context>
    <name>Pricing</name>
    <message>
        <source>Price change</source>
        <translation>改价</translation>
    </message>
    <message>
        <source>Discount</source>
        <translation>折扣</translation>
    </message>
    <message>
        <source>Order discount</source>
        <translation>整单</translation>
    </message>
    <message>
        <source>Rounding</source>
        <translation>抹零</translation>
    </message>
    <message>
        <source>Member price</source>
        <translation>会员价</translation>
    </message>
    <message>
        <source>Count card</source>
        <translation>计次卡</translation>
    </message>
    <message>
        <source>Coupon</source>
        <translation>优惠券</translation>
    </message>
</context>
<context>
    <name>PrintQueue</name>
    <message>
        <source>No printer</source>
        <translation>未设打印机</translation>
    </message>
    <message>
        <source>Printer ready</source>
        <translation>打印机就绪</translation>
    </message>
    <message>
        <source>Printer: %1</source>
        <translation>打印机：%1</translation>
    </message>
    <message>
        <source>Printer: checking</source>
        <translation>打印机：检测中</translation>
    </message>
    <message>
        <source>Printer connected</source>
        <translation>打印机已连接</translation>
    </message>
    <message>
        <source>Printer not reachable</source>
        <translation>打印机未连接</translation>
    </message>
    <message numerus="yes">
        <source>, %n receipt(s) not printed</source>
        <translation>
            <numerusform>，%n 张小票未打印</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n waiting</source>
        <translation>
            <numerusform>，%n 张待打印</numerusform>
        </translation>
    </message>
    <message>
        <source>No receipt printer is set up (Settings, Devices).</source>
        <translation>未设置小票打印机（设置 → 设备）。</translation>
    </message>
    <message>
        <source>No receipt printer is set up: the drawer is opened through its kick port.</source>
        <translation>未设置小票打印机：钱箱通过打印机的钱箱口打开。</translation>
    </message>
    <message>
        <source>That receipt is being printed right now.</source>
        <translation>这张小票正在打印。</translation>
    </message>
</context>
<context>
    <name>Printer</name>
    <message>
        <source>Print job %1 is not waiting.</source>
        <translation>打印任务 %1 不在等待中。</translation>
    </message>
    <message>
        <source>The paper is 32 columns (58 mm) or 48 (80 mm).</source>
        <translation>纸宽为 32 列（58 毫米）或 48 列（80 毫米）。</translation>
    </message>
    <message>
        <source>Say why the drawer is opened with no sale.</source>
        <translation>请说明无销售开钱箱的原因。</translation>
    </message>
    <message>
        <source>The logo is at most %1 x %2 dots.</source>
        <translation>Logo 最大为 %1 × %2 点。</translation>
    </message>
</context>
<context>
    <name>ProductEditDialog</name>
    <message>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Barcodes</source>
        <translation>条码</translation>
    </message>
    <message>
        <source>Scan here; several separated by commas</source>
        <translation>在此扫描条码，多个条码用逗号分隔</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Pinyin initials</source>
        <translation>拼音码</translation>
    </message>
    <message>
        <source>Filled from the name</source>
        <translation>根据名称自动生成</translation>
    </message>
    <message>
        <source>Product code</source>
        <translation>货号</translation>
    </message>
    <message>
        <source>Empty: the first barcode, or a number is given</source>
        <translation>留空则使用第一个条码，或自动编号</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>分类</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Retail price (yuan)</source>
        <translation>售价（元）</translation>
    </message>
    <message>
        <source>Cost (yuan)</source>
        <translation>进价（元）</translation>
    </message>
    <message>
        <source>Opening stock</source>
        <translation>期初库存</translation>
    </message>
    <message>
        <source>Sold by weight (kg)</source>
        <translation>称重商品(kg)</translation>
    </message>
    <message>
        <source>Scale PLU</source>
        <translation>电子秤 PLU</translation>
    </message>
    <message>
        <source>5 digits, as set on the scale</source>
        <translation>5 位数字，与电子秤上的设置一致</translation>
    </message>
</context>
<context>
    <name>Receipt</name>
    <message>
        <source>No receipt %1.</source>
        <translation>单号 %1 不存在。</translation>
    </message>
    <message>
        <source>Tel %1</source>
        <translation>电话：%1</translation>
    </message>
    <message>
        <source>*** REFUND ***</source>
        <translation>*** 退货单 ***</translation>
    </message>
    <message>
        <source>*** VOID ***</source>
        <translation>*** 作废单 ***</translation>
    </message>
    <message>
        <source>Receipt: %1</source>
        <translation>单号：%1</translation>
    </message>
    <message>
        <source>Original: %1</source>
        <translation>原单：%1</translation>
    </message>
    <message>
        <source>Time: %1</source>
        <translation>时间：%1</translation>
    </message>
    <message>
        <source>Till: %1  Cashier: %2</source>
        <translation>收银台：%1  收银员：%2</translation>
    </message>
    <message>
        <source>Approved by: %1</source>
        <translation>授权：%1</translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation>原因：%1</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>单价</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Items %1</source>
        <translation>件数 %1</translation>
    </message>
    <message>
        <source>Subtotal %1</source>
        <translation>小计 %1</translation>
    </message>
    <message>
        <source>TOTAL</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>找零</translation>
    </message>
    <message>
        <source>You saved</source>
        <translation>共优惠</translation>
    </message>
    <message>
        <source>Member: %1 %2</source>
        <translation>会员：%1 %2</translation>
    </message>
    <message>
        <source>Growth value</source>
        <translation>成长值</translation>
    </message>
    <message>
        <source>Level: %1 -&gt; %2</source>
        <translation>等级：%1 → %2</translation>
    </message>
    <message>
        <source>Points used</source>
        <translation>积分抵扣</translation>
    </message>
    <message>
        <source>Points earned</source>
        <translation>本单积分</translation>
    </message>
    <message>
        <source>Points balance</source>
        <translation>积分余额</translation>
    </message>
    <message>
        <source>*** STORED VALUE RECHARGE ***</source>
        <translation>*** 会员充值 ***</translation>
    </message>
    <message>
        <source>*** RECHARGE REFUND ***</source>
        <translation>*** 充值退款 ***</translation>
    </message>
    <message>
        <source>Principal</source>
        <translation>本金</translation>
    </message>
    <message>
        <source>Bonus</source>
        <translation>赠送</translation>
    </message>
    <message>
        <source>Stored value</source>
        <translation>储值余额</translation>
    </message>
    <message>
        <source>of which bonus</source>
        <translation>其中赠送</translation>
    </message>
    <message>
        <source>Count card %1 %2</source>
        <translation>计次卡 %1 %2</translation>
    </message>
    <message>
        <source>New coupon: %1</source>
        <translation>获赠优惠券：%1</translation>
    </message>
    <message>
        <source>Code %1</source>
        <translation>券号 %1</translation>
    </message>
    <message>
        <source>Valid until %1</source>
        <translation>有效期至 %1</translation>
    </message>
    <message>
        <source>REPRINT %1</source>
        <translation>重印 %1</translation>
    </message>
</context>
<context>
    <name>Returns</name>
    <message>
        <source>No receipt %1.</source>
        <translation>单号 %1 不存在。</translation>
    </message>
    <message>
        <source>%1 is itself a refund or void: refund the original sale.</source>
        <translation>%1 本身是退货单或作废单，请对原销售单办理退货。</translation>
    </message>
    <message>
        <source>This till has no sale to void.</source>
        <translation>本收银台没有可作废的销售单。</translation>
    </message>
    <message>
        <source>The last sale %1 was already refunded or voided.</source>
        <translation>上一单 %1 已退货或已作废。</translation>
    </message>
    <message>
        <source>A refund needs its id.</source>
        <translation>退货单缺少单号。</translation>
    </message>
    <message>
        <source>Give a reason for the refund or void.</source>
        <translation>请填写退货或作废的原因。</translation>
    </message>
    <message>
        <source>Refunds and voids need a manager&apos;s PIN.</source>
        <translation>退货和作废需要店长密码授权。</translation>
    </message>
    <message>
        <source>Only the last sale of this till can be voided; refund %1 instead.</source>
        <translation>只能作废本收银台的上一单；%1 请改为办理退货。</translation>
    </message>
    <message>
        <source>Nothing is left to refund on %1.</source>
        <translation>%1 已没有可退的商品。</translation>
    </message>
    <message>
        <source>%1: only %2 can still be refunded.</source>
        <translation>%1：最多还可退 %2。</translation>
    </message>
    <message>
        <source>A line to refund is not on receipt %1.</source>
        <translation>要退的商品不在小票 %1 上。</translation>
    </message>
    <message>
        <source>The refund exceeds what was paid on %1.</source>
        <translation>退款金额超过了小票 %1 的实收金额。</translation>
    </message>
    <message>
        <source>The last sale %1 was rung up in an earlier shift: refund it instead (F8).</source>
        <translation>上一单 %1 属于之前的班次，不能作废，请改为退货（F8）。</translation>
    </message>
</context>
<context>
    <name>SalesImport</name>
    <message>
        <source>the receipt number is empty or longer than 64 characters.</source>
        <translation>小票号为空或超过 64 个字符。</translation>
    </message>
    <message>
        <source>the member is empty or longer than 64 characters.</source>
        <translation>会员为空或超过 64 个字符。</translation>
    </message>
    <message>
        <source>the time &quot;%1&quot; is not YYYY-MM-DD or YYYY-MM-DD HH:MM[:SS].</source>
        <translation>时间“%1”不是 YYYY-MM-DD 或 YYYY-MM-DD HH:MM[:SS] 格式。</translation>
    </message>
    <message>
        <source>the time %1 is in the future.</source>
        <translation>时间 %1 晚于现在。</translation>
    </message>
    <message>
        <source>the amount &quot;%1&quot; is not yuan with at most two decimals.</source>
        <translation>金额“%1”不是最多两位小数的元数。</translation>
    </message>
    <message>
        <source>the quantity &quot;%1&quot; is not a number.</source>
        <translation>数量“%1”不是数字。</translation>
    </message>
    <message>
        <source>the barcode or name is too long.</source>
        <translation>条码或商品名称太长。</translation>
    </message>
    <message>
        <source>Line %1: %2</source>
        <translation>第 %1 行：%2</translation>
    </message>
    <message>
        <source>no member %1 (with --create-members it becomes a new member).</source>
        <translation>没有会员 %1（加 --create-members 可新建为会员）。</translation>
    </message>
    <message>
        <source>receipt %1 is member %2&apos;s on line %3.</source>
        <translation>小票 %1 在第 %3 行属于会员 %2。</translation>
    </message>
    <message>
        <source>receipt %1 is another member&apos;s on an earlier line.</source>
        <translation>小票 %1 在前面的行里属于另一位会员。</translation>
    </message>
    <message>
        <source>Line %1 on is one row of more than 64 MB: is this a CSV file?</source>
        <translation>第 %1 行起的一行超过 64 MB：这是 CSV 文件吗？</translation>
    </message>
    <message>
        <source>The first row must name the columns receipt_no, member, time and amount (and may add barcode, name, qty).</source>
        <translation>第一行须列出 receipt_no、member、time、amount 这几列（可另加 barcode、name、qty）。</translation>
    </message>
    <message>
        <source>The file is empty.</source>
        <translation>文件是空的。</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
</context>
<context>
    <name>Segments</name>
    <message>
        <source>Cannot write the member analysis file %1: %2</source>
        <translation>无法写入会员分析文件 %1：%2</translation>
    </message>
    <message>
        <source>Cannot read the store %1.</source>
        <translation>无法读取店铺数据 %1。</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>The trend could not be kept in %1: %2</source>
        <translation>趋势无法保存到 %1：%2</translation>
    </message>
    <message>
        <source>The high-value share is 0.1% to 100% of the members who bought.</source>
        <translation>高价值顾客的比例为消费过的会员的 0.1% 到 100%。</translation>
    </message>
    <message>
        <source>The lifecycle stages follow one another: 活跃 within at least one day, 沉默 beyond it, 睡眠 beyond that, up to 3,650 days.</source>
        <translation>生命周期各阶段须依次递增：活跃至少 1 天，沉默长于活跃，睡眠长于沉默，最多 3,650 天。</translation>
    </message>
    <message>
        <source>The fixed RFM thresholds: recent within 0 to 3,650 days, frequent from at least one order, a net spend of ¥0 or more.</source>
        <translation>RFM 固定标准：最近消费为 0 到 3,650 天内，高频至少 1 单，高消费金额不低于 ¥0。</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>No such store.</source>
        <translation>没有这个门店。</translation>
    </message>
    <message>
        <source>The store needs a name.</source>
        <translation>请填写门店名称。</translation>
    </message>
</context>
<context>
    <name>Shift</name>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Open shift</source>
        <translation>开班</translation>
    </message>
    <message>
        <source>%1, count the cash float in the drawer (yuan):</source>
        <translation>%1，请清点钱箱中的备用金（元）：</translation>
    </message>
    <message>
        <source>Close shift</source>
        <translation>交班</translation>
    </message>
    <message>
        <source>No shift is open on this till.</source>
        <translation>本收银台当前未开班。</translation>
    </message>
    <message>
        <source>Sales %1, refunds %2. Count the cash in the drawer (yuan):</source>
        <translation>销售 %1，退货 %2。请清点钱箱中的现金（元）：</translation>
    </message>
    <message>
        <source>Shift report</source>
        <translation>交班报表</translation>
    </message>
    <message>
        <source>Another cashier&apos;s shift</source>
        <translation>其他收银员的班次</translation>
    </message>
    <message>
        <source>%1&apos;s shift is still open on this till. Close it with its report (交班) before you start, or take it over with its drawer uncounted, with a manager&apos;s approval.</source>
        <translation>本机上 %1 的班次尚未结束。请先交班（打印交班报表），或经店长授权后直接接班（钱箱不清点）。</translation>
    </message>
    <message>
        <source>Close %1&apos;s shift (交班)</source>
        <translation>为 %1 交班</translation>
    </message>
    <message>
        <source>Take it over (manager)</source>
        <translation>接班（需店长授权）</translation>
    </message>
    <message>
        <source>%1 takes over %2&apos;s shift and drawer: from now on any cash difference is %1&apos;s.</source>
        <translation>%1 接手 %2 的班次和钱箱：此后的现金差额由 %1 负责。</translation>
    </message>
</context>
<context>
    <name>Shifts</name>
    <message>
        <source>No such shift.</source>
        <translation>班次不存在。</translation>
    </message>
    <message>
        <source>The cash float cannot be negative.</source>
        <translation>备用金不能为负数。</translation>
    </message>
    <message>
        <source>A shift is already open on this till (opened by %1).</source>
        <translation>本收银台已开班（开班人：%1）。</translation>
    </message>
    <message>
        <source>The counted cash cannot be negative.</source>
        <translation>清点的现金不能为负数。</translation>
    </message>
    <message>
        <source>This shift is already closed.</source>
        <translation>该班次已交班。</translation>
    </message>
    <message>
        <source>Shift report</source>
        <translation>交班报表</translation>
    </message>
    <message>
        <source>Till</source>
        <translation>收银台</translation>
    </message>
    <message>
        <source>Cashier</source>
        <translation>收银员</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>开班时间</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>交班时间</translation>
    </message>
    <message>
        <source>Sales (%1)</source>
        <translation>销售(%1笔)</translation>
    </message>
    <message>
        <source>Discounts given</source>
        <translation>优惠合计</translation>
    </message>
    <message>
        <source>Refunds (%1)</source>
        <translation>退货(%1笔)</translation>
    </message>
    <message>
        <source>Voids (%1)</source>
        <translation>作废(%1笔)</translation>
    </message>
    <message>
        <source>Net takings</source>
        <translation>净收款</translation>
    </message>
    <message>
        <source>of which refunded</source>
        <translation>其中退款</translation>
    </message>
    <message>
        <source>Cash float</source>
        <translation>备用金</translation>
    </message>
    <message>
        <source>Expected cash</source>
        <translation>应有现金</translation>
    </message>
    <message>
        <source>Counted cash</source>
        <translation>实点现金</translation>
    </message>
    <message>
        <source>Short</source>
        <translation>短款</translation>
    </message>
    <message>
        <source>Over</source>
        <translation>长款</translation>
    </message>
    <message>
        <source>Handing a shift over needs a manager&apos;s approval.</source>
        <translation>交接班次需要店长授权。</translation>
    </message>
    <message>
        <source>The shift is already %1&apos;s.</source>
        <translation>该班次已属于 %1。</translation>
    </message>
    <message>
        <source>Recharges (%1)</source>
        <translation>会员充值（%1笔）</translation>
    </message>
    <message>
        <source>Recharge refunds (%1)</source>
        <translation>充值退款（%1笔）</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>Huike POS</source>
        <translation>汇客收银</translation>
    </message>
    <message>
        <source>Demo devices</source>
        <translation>演示设备</translation>
    </message>
</context>
<context>
    <name>StoreSetup</name>
    <message>
        <source>The store needs a name.</source>
        <translation>请填写门店名称。</translation>
    </message>
    <message>
        <source>The administrator needs a PIN.</source>
        <translation>请为管理员设置密码。</translation>
    </message>
    <message>
        <source>The administrator&apos;s code is 1 to 12 digits, typed at login.</source>
        <translation>管理员工号为 1 到 12 位数字，登录时输入。</translation>
    </message>
    <message>
        <source>%1 already holds a store; nothing was changed.</source>
        <translation>%1 中已有门店，未做任何更改。</translation>
    </message>
    <message>
        <source>Cannot move the new store into place at %1.</source>
        <translation>无法将新建的门店数据放到 %1。</translation>
    </message>
</context>
<context>
    <name>Tender</name>
    <message>
        <source>Bank card</source>
        <translation>银行卡</translation>
    </message>
    <message>
        <source>WeChat Pay</source>
        <translation>微信支付</translation>
    </message>
    <message>
        <source>Alipay</source>
        <translation>支付宝</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>现金</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>积分</translation>
    </message>
    <message>
        <source>Stored value</source>
        <translation>储值</translation>
    </message>
</context>
<context>
    <name>huike::ui::AnalysisWidget</name>
    <message>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>概览</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>分类</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>人数</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>占比</translation>
    </message>
    <message>
        <source>Export members</source>
        <translation>导出会员</translation>
    </message>
    <message>
        <source>members.csv</source>
        <translation>会员分析.csv</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Customer analysis could not be brought up to date: %1</source>
        <translation>会员分析未能更新：%1</translation>
    </message>
    <message>
        <source>As of %1 · %2 members · updated after each sale</source>
        <translation>截至 %1 · 共 %2 位会员 · 每笔销售后自动更新</translation>
    </message>
    <message>
        <source>Customer analysis is being worked out…</source>
        <translation>会员分析正在计算…</translation>
    </message>
    <message>
        <source>&lt;b&gt;Members&lt;/b&gt; %1 · &lt;b&gt;bought&lt;/b&gt; %2 (%3)</source>
        <translation>&lt;b&gt;会员&lt;/b&gt; %1 · &lt;b&gt;购买过&lt;/b&gt; %2（%3）</translation>
    </message>
    <message>
        <source>&lt;b&gt;Lifecycle&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;生命周期&lt;/b&gt; %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;RFM means&lt;/b&gt; %1 days since the last purchase · %2 orders · ¥%3 net spend</source>
        <translation>&lt;b&gt;RFM 均值&lt;/b&gt; 距上次购买 %1 天 · %2 单 · 净消费 ¥%3</translation>
    </message>
    <message>
        <source>Click a class to list its members.</source>
        <translation>点击一个分类，列出其中的会员。</translation>
    </message>
    <message>
        <source>Lifecycle</source>
        <translation>生命周期</translation>
    </message>
    <message>
        <source>%1 · %2: %3 members</source>
        <translation>%1 · %2：%3 位会员</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <source>Exporting… %1%</source>
        <translation>正在导出… %1%</translation>
    </message>
    <message>
        <source>%1 members exported to %2.</source>
        <translation>已导出 %1 位会员到 %2。</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>当前分布</translation>
    </message>
    <message>
        <source>Counting the last 12 months… %v of %m</source>
        <translation>正在统计近12个月…… %v / %m</translation>
    </message>
    <message>
        <source>Last 12 months</source>
        <translation>近12个月趋势</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>MMM</source>
        <comment>a month on the trend&apos;s axis</comment>
        <translation>M月</translation>
    </message>
    <message>
        <source>%1 to %2, each month&apos;s last day</source>
        <translation>%1 至 %2，各取月末</translation>
    </message>
    <message>
        <source>MMMM yyyy</source>
        <comment>the trend&apos;s first month</comment>
        <translation>yyyy年M月</translation>
    </message>
    <message>
        <source>%1 · members in each class, month by month</source>
        <translation>%1 · 各分类人数逐月变化</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>分析设置…</translation>
    </message>
    <message>
        <source>A manager changes how members are classed.</source>
        <translation>会员分类口径由店长设置。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Active&lt;/b&gt; (bought in the last %3 days) %1 (%2 of buyers)</source>
        <translation>&lt;b&gt;活跃&lt;/b&gt;（近 %3 天内购买过）%1（占购买会员 %2）</translation>
    </message>
    <message>
        <source>&lt;b&gt;High value&lt;/b&gt; (the top %4 by net spend) %1 (from ¥%2) · &lt;b&gt;slipping&lt;/b&gt; (no purchase in 15 days) %3</source>
        <translation>&lt;b&gt;高价值&lt;/b&gt;（净消费前 %4）%1（¥%2 起）· &lt;b&gt;流失风险&lt;/b&gt;（15 天未购买）%3</translation>
    </message>
</context>
<context>
    <name>huike::ui::CallLogDialog</name>
    <message>
        <source>Call log</source>
        <translation>来电记录</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>号码</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>会员</translation>
    </message>
    <message>
        <source>Level and mobile</source>
        <translation>等级和手机</translation>
    </message>
    <message>
        <source>Caller name</source>
        <translation>来电名称</translation>
    </message>
    <message>
        <source>Member details / register</source>
        <translation>会员详情 / 登记</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>withheld</source>
        <translation>隐藏号码</translation>
    </message>
    <message>
        <source>not available</source>
        <translation>号码不可用</translation>
    </message>
    <message>
        <source>new caller</source>
        <translation>新来电</translation>
    </message>
    <message>
        <source>This caller&apos;s number is no mobile: there is no member to find or register.</source>
        <translation>这个来电号码不是手机号：无法查找或登记会员。</translation>
    </message>
</context>
<context>
    <name>huike::ui::CallPopup</name>
    <message>
        <source>Incoming call</source>
        <translation>来电</translation>
    </message>
    <message>
        <source>Attach to the sale</source>
        <translation>关联到收银</translation>
    </message>
    <message>
        <source>Member details</source>
        <translation>会员详情</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>登记</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>number withheld</source>
        <translation>隐藏号码</translation>
    </message>
    <message>
        <source>number not available</source>
        <translation>号码不可用</translation>
    </message>
    <message>
        <source>Call: %1</source>
        <translation>来电：%1</translation>
    </message>
    <message>
        <source>New caller: no member has this number.</source>
        <translation>新来电：没有会员使用这个号码。</translation>
    </message>
    <message>
        <source>New caller (%1): no member has this number.</source>
        <translation>新来电（%1）：没有会员使用这个号码。</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; · %2 · %3&lt;br&gt;Stored value %4 · points %5</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; · %2 · %3&lt;br&gt;储值 %4 · 积分 %5</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>（未留姓名）</translation>
    </message>
    <message>
        <source>&lt;br&gt;Notes: %1</source>
        <translation>&lt;br&gt;备注：%1</translation>
    </message>
</context>
<context>
    <name>huike::ui::CartModel</name>
    <message>
        <source>%1折</source>
        <translation>%1折</translation>
    </message>
    <message>
        <source>#</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Barcode</source>
        <translation>条码</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>单价</translation>
    </message>
    <message>
        <source>Discount</source>
        <translation>折扣</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>会员价</translation>
    </message>
    <message>
        <source>Count card</source>
        <translation>计次卡</translation>
    </message>
</context>
<context>
    <name>huike::ui::CashierWidget</name>
    <message>
        <source>Scan a barcode, or type a code, name or pinyin initials and press Enter (F2)</source>
        <translation>扫描条码，或输入货号、名称、拼音码后按 Enter (F2)</translation>
    </message>
    <message>
        <source>Amount due</source>
        <translation>应收金额</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>件数</translation>
    </message>
    <message>
        <source>Subtotal</source>
        <translation>小计</translation>
    </message>
    <message>
        <source>Discounts</source>
        <translation>优惠</translation>
    </message>
    <message>
        <source>Rounding</source>
        <translation>抹零</translation>
    </message>
    <message>
        <source>Last sale</source>
        <translation>上一单</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <source>Find product</source>
        <translation>查找商品</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Line discount</source>
        <translation>单品折扣</translation>
    </message>
    <message>
        <source>Change price</source>
        <translation>改价</translation>
    </message>
    <message>
        <source>Order discount</source>
        <translation>整单优惠</translation>
    </message>
    <message>
        <source>Hold order</source>
        <translation>挂单</translation>
    </message>
    <message>
        <source>Recall order</source>
        <translation>取单</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>退货</translation>
    </message>
    <message>
        <source>Void last sale</source>
        <translation>作废上一单</translation>
    </message>
    <message>
        <source>Receipts</source>
        <translation>小票/单据</translation>
    </message>
    <message>
        <source>Close shift</source>
        <translation>交班</translation>
    </message>
    <message>
        <source>Pay</source>
        <translation>结账</translation>
    </message>
    <message>
        <source>Remove line</source>
        <translation>删除商品</translation>
    </message>
    <message>
        <source>Clear cart</source>
        <translation>清空</translation>
    </message>
    <message>
        <source>One more / less</source>
        <translation>加一 / 减一</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>暂无</translation>
    </message>
    <message>
        <source>%1  %2 x %3</source>
        <translation>%1  %2 x %3</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>称重</translation>
    </message>
    <message>
        <source>%1: weight in %2</source>
        <translation>%1：重量（%2）</translation>
    </message>
    <message>
        <source>Nothing matches &quot;%1&quot;.</source>
        <translation>没有找到与“%1”匹配的商品。</translation>
    </message>
    <message>
        <source>%1: new quantity</source>
        <translation>%1：新数量</translation>
    </message>
    <message>
        <source>%1: discount in 折 (9, 8.5), empty for none</source>
        <translation>%1：折扣，单位为折（如 9、8.5），留空表示不打折</translation>
    </message>
    <message>
        <source>%1: new unit price (list price %2)</source>
        <translation>%1：新单价（原价 %2）</translation>
    </message>
    <message>
        <source>Removed %1.</source>
        <translation>已删除 %1。</translation>
    </message>
    <message>
        <source>Remove all %1 lines from the cart?</source>
        <translation>确定删除购物车中全部 %1 行商品吗？</translation>
    </message>
    <message>
        <source>Cart cleared.</source>
        <translation>已清空。</translation>
    </message>
    <message>
        <source>The cart is empty: nothing to hold.</source>
        <translation>购物车为空，无法挂单。</translation>
    </message>
    <message>
        <source>A note to find it again (optional), e.g. the customer:</source>
        <translation>备注（可选，便于取单时查找），例如顾客姓名：</translation>
    </message>
    <message>
        <source>Order held. F7 recalls it.</source>
        <translation>已挂单，按 F7 取单。</translation>
    </message>
    <message>
        <source>Finish or hold the current cart before recalling another.</source>
        <translation>请先将当前商品结账或挂单，再取单。</translation>
    </message>
    <message>
        <source>Order recalled.</source>
        <translation>已取单。</translation>
    </message>
    <message>
        <source>The cart is empty.</source>
        <translation>购物车为空。</translation>
    </message>
    <message>
        <source>No shift is open on this till: log in again to open one.</source>
        <translation>本收银台尚未开班，请重新登录以开班。</translation>
    </message>
    <message>
        <source>Not saved: %1 The cart is kept; press F12 to try again.</source>
        <translation>未保存：%1 商品已保留，请按 F12 重试。</translation>
    </message>
    <message>
        <source>%1
Paid %2   Change %3</source>
        <translation>%1
实收 %2   找零 %3</translation>
    </message>
    <message>
        <source>Done. Give change %1.</source>
        <translation>交易完成，请找零 %1。</translation>
    </message>
    <message>
        <source>Done.</source>
        <translation>交易完成。</translation>
    </message>
    <message>
        <source>Refund %1 recorded. Pay the customer back as listed on it.</source>
        <translation>退货单 %1 已保存，请按单上所列金额退款给顾客。</translation>
    </message>
    <message>
        <source>Void sale %1 of %2? Reason:</source>
        <translation>作废销售单 %1（金额 %2）？请填写原因：</translation>
    </message>
    <message>
        <source>A void needs a reason.</source>
        <translation>作废必须填写原因。</translation>
    </message>
    <message>
        <source>Void sale %1: a manager must approve.</source>
        <translation>作废销售单 %1：需要店长授权。</translation>
    </message>
    <message>
        <source>Now scan or type the item.</source>
        <translation>请扫描或输入商品。</translation>
    </message>
    <message>
        <source>Order recalled: %1.</source>
        <translation>已取单：%1。</translation>
    </message>
    <message>
        <source>Sale %1 voided by %2. Pay back as listed on it.</source>
        <translation>销售单 %1 已作废（作废单号 %2），请按作废单所列方式退款。</translation>
    </message>
    <message>
        <source>%1: a scale label typed by hand counts as a price change; a manager approves it at payment.</source>
        <translation>%1：手工输入的秤码视同改价，结账时需店长授权。</translation>
    </message>
    <message>
        <source>Changed prices, typed scale labels or discounts beyond the cashier&apos;s limit need a manager.</source>
        <translation>改价、手工输入的秤码或超出收银员权限的折扣需店长授权。</translation>
    </message>
    <message>
        <source>Large quantity</source>
        <translation>数量较大</translation>
    </message>
    <message>
        <source>%1 x %2: more than %3 of one item. Is that right?</source>
        <translation>%1 × %2：单个商品超过 %3 件。确定吗？</translation>
    </message>
    <message>
        <source>%1: the quantity stays as it was.</source>
        <translation>%1：数量保持不变。</translation>
    </message>
    <message>
        <source>A sale was not finished when this till stopped: it is back, with %1 already paid. F12 takes the rest.</source>
        <translation>收银机停止时有一笔销售未完成：已恢复到购物车，已收 %1。按 F12 收取余款。</translation>
    </message>
    <message>
        <source>%1 paid so far, kept with the cart: F12 takes the rest.</source>
        <translation>已收 %1，随购物车保留：按 F12 收取余款。</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>已收</translation>
    </message>
    <message>
        <source>%1 is already paid for this cart: give the payments back in the payment window (F12, then Del) before clearing it.</source>
        <translation>此单已收 %1：请先在收款窗口退回款项（F12，再按 Del），再清空购物车。</translation>
    </message>
    <message>
        <source>This change to the cart is not saved: %1</source>
        <translation>购物车的这次修改未能保存：%1</translation>
    </message>
    <message>
        <source>%1 Change the order discount (F5).</source>
        <translation>%1 请修改整单优惠（F5）。</translation>
    </message>
    <message>
        <source>Not approved: the discount of %1 is as it was.</source>
        <translation>未获授权：%1 的折扣已恢复原样。</translation>
    </message>
    <message>
        <source>Not approved: the price of %1 is as it was.</source>
        <translation>未获授权：%1 的价格已恢复原样。</translation>
    </message>
    <message>
        <source>Not approved: the order discount is as it was.</source>
        <translation>未获授权：整单优惠已恢复原样。</translation>
    </message>
    <message>
        <source>Manager approval</source>
        <translation>店长授权</translation>
    </message>
    <message>
        <source>This needs a manager. Why is it given (e.g. 临期, 包装破损, 老顾客)?</source>
        <translation>此操作需要店长授权。请填写原因（如：临期、包装破损、老顾客）：</translation>
    </message>
    <message>
        <source>A reason is needed for a discount or price change a manager approves.</source>
        <translation>店长授权的折扣或改价必须填写原因。</translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation>原因：%1</translation>
    </message>
    <message>
        <source>%1 already paid</source>
        <translation>已收 %1</translation>
    </message>
    <message>
        <source>Payments are taken for this cart: the member can no longer be changed.</source>
        <translation>本单已收款：不能再更换会员。</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>会员</translation>
    </message>
    <message>
        <source>Take the member off this sale? It is priced again without the member&apos;s level.</source>
        <translation>取消本单的会员？将按非会员价重新计价。</translation>
    </message>
    <message>
        <source>Member taken off.</source>
        <translation>已取消会员。</translation>
    </message>
    <message>
        <source>Payments are taken for this cart: attach the member before paying.</source>
        <translation>本单已收款：请在收款前关联会员。</translation>
    </message>
    <message>
        <source>Member %1 (%2) attached: %3 prices.</source>
        <translation>已关联会员 %1（%2）：按%3价格计价。</translation>
    </message>
    <message>
        <source>none (Ctrl+M)</source>
        <translation>无（Ctrl+M 关联）</translation>
    </message>
    <message>
        <source>%1折</source>
        <translation>%1折</translation>
    </message>
    <message>
        <source>Recharge: which member?</source>
        <translation>充值：给哪位会员？</translation>
    </message>
    <message>
        <source>Recharge %1 recorded: %2 paid, bonus %3; stored value now %4.</source>
        <translation>充值 %1 已记录：实收 %2，赠送 %3；储值余额 %4。</translation>
    </message>
    <message>
        <source>Recharge</source>
        <translation>充值</translation>
    </message>
    <message>
        <source>%1  %2
%3 %4  growth %5  points %6  stored %7</source>
        <translation>%1  %2
%3 %4  成长值 %5  积分 %6  储值 %7</translation>
    </message>
    <message>
        <source>%1 %2 left</source>
        <translation>%1剩%2次</translation>
    </message>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <source> +%1</source>
        <translation> 等%1张</translation>
    </message>
    <message>
        <source>Count cards (F7): %1</source>
        <translation>次卡(F7)：%1</translation>
    </message>
    <message>
        <source>Payments are taken for this cart: coupons go on before paying.</source>
        <translation>这一单已收过款：优惠券须在收款前使用。</translation>
    </message>
    <message>
        <source>No coupons on this sale.</source>
        <translation>本单未使用优惠券。</translation>
    </message>
    <message numerus="yes">
        <source>%n coupon(s) on this sale: %1 off.</source>
        <translation>
            <numerusform>本单使用 %n 张优惠券：优惠 %1。</numerusform>
        </translation>
    </message>
    <message>
        <source>Coupon %1 is on this sale already.</source>
        <translation>优惠券 %1 已在本单上。</translation>
    </message>
    <message>
        <source>Coupon %1 (%2): %3 off.</source>
        <translation>优惠券 %1（%2）：优惠 %3。</translation>
    </message>
    <message>
        <source>%1 Until then it takes nothing off; Ctrl+K takes it off the sale.</source>
        <translation>%1 在此之前该券不优惠；按 Ctrl+K 可将其从本单移除。</translation>
    </message>
    <message>
        <source>%1 Ctrl+K takes the coupon off the sale.</source>
        <translation>%1 按 Ctrl+K 可将该券从本单移除。</translation>
    </message>
    <message>
        <source>Coupons</source>
        <translation>优惠券</translation>
    </message>
    <message>
        <source>Coupons (Ctrl+K): %1 usable</source>
        <translation>优惠券 (Ctrl+K)：%1 张可用</translation>
    </message>
    <message>
        <source>Coupon %1  %2</source>
        <translation>券 %1  %2</translation>
    </message>
    <message>
        <source>Gifts for points: which member?</source>
        <translation>积分兑换：哪位会员？</translation>
    </message>
    <message>
        <source>%1 x%2 given for %3 points; %4 points left.</source>
        <translation>%1 ×%2 已兑换，扣 %3 积分；剩余 %4 积分。</translation>
    </message>
    <message>
        <source>Gifts for points (Ctrl+G)</source>
        <translation>积分兑换 (Ctrl+G)</translation>
    </message>
    <message>
        <source>Tags: %1</source>
        <translation>标签：%1</translation>
    </message>
    <message>
        <source>No receipt yet on this till: find one with F10.</source>
        <translation>本机还没有小票：按 F10 查找。</translation>
    </message>
    <message>
        <source>Receipt %1 sent to the printer.</source>
        <translation>小票 %1 已送打印机。</translation>
    </message>
    <message>
        <source>No receipt printer is set up: the drawer opens through its kick port (Settings, Devices).</source>
        <translation>未设置小票打印机：钱箱通过打印机的钱箱口打开（设置 → 设备）。</translation>
    </message>
    <message>
        <source>Open drawer</source>
        <translation>开钱箱</translation>
    </message>
    <message>
        <source>Why is the drawer opened with no sale?</source>
        <translation>无销售开钱箱的原因：</translation>
    </message>
    <message>
        <source>Opening the drawer needs a reason.</source>
        <translation>开钱箱需要填写原因。</translation>
    </message>
    <message>
        <source>Open the cash drawer: a manager must approve.</source>
        <translation>开钱箱：需店长授权。</translation>
    </message>
    <message>
        <source>Drawer opened, approved by %1.</source>
        <translation>钱箱已打开，授权人：%1。</translation>
    </message>
    <message>
        <source>Reprint</source>
        <translation>重印</translation>
    </message>
    <message>
        <source>Scan or type a code + Enter: add · 3*code: three of it
F2 find product · F3 quantity · +/- one more or less · Up/Down choose line
F4 line discount · Shift+F4 change price · F5 order discount
F6 hold · F7 recall · F8 refund · F9 void last sale · F10 receipts
F11 close shift · F12 or Enter on an empty field: pay
Ctrl+P print the last receipt again · Ctrl+D open the cash drawer (a manager)
Del remove line · Esc clear cart
Ctrl+M member: phone, its last four digits or card (a member card scanned attaches too)
Ctrl+R recharge the member&apos;s stored value (充值) · Ctrl+K coupons · Ctrl+G gifts for points (积分兑换)
In payment: F1 cash, F2 card, F3 WeChat, F4 Alipay, F5 points, F6 stored value, F7 count cards, Enter take, Del give a payment back, Esc back to the cart (payments are kept)</source>
        <translation>扫码或输入编码 + Enter：加入 · 3*编码：加入三件
F2 查找商品 · F3 数量 · +/- 加一件/减一件 · 上/下 选择行
F4 单品折扣 · Shift+F4 改价 · F5 整单折扣
F6 挂单 · F7 取单 · F8 退货 · F9 作废上一单 · F10 小票
F11 交班 · F12 或在空输入框按 Enter：结账
Ctrl+P 重印上一张小票 · Ctrl+D 开钱箱（需店长）
Del 删除行 · Esc 清空购物车
Ctrl+M 会员：手机号、尾号四位或卡号（扫会员卡也可关联）
Ctrl+R 会员储值充值 · Ctrl+K 优惠券 · Ctrl+G 积分兑换
收款时：F1 现金，F2 银行卡，F3 微信，F4 支付宝，F5 积分，F6 储值，F7 计次卡，Enter 收款，Del 退回一笔款项，Esc 返回购物车（已收款项保留）</translation>
    </message>
    <message>
        <source>Card %1 belongs to no member.</source>
        <translation>会员卡 %1 未登记。</translation>
    </message>
    <message>
        <source>Unknown card</source>
        <translation>未登记的卡</translation>
    </message>
    <message>
        <source>Card %1 belongs to no member. Register this card?</source>
        <translation>会员卡 %1 未登记。用这张卡登记新会员？</translation>
    </message>
</context>
<context>
    <name>huike::ui::CountCardsPage</name>
    <message>
        <source>Count card</source>
        <translation>计次卡</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>服务项目</translation>
    </message>
    <message>
        <source>Uses</source>
        <translation>次数</translation>
    </message>
    <message>
        <source>Valid</source>
        <translation>有效期</translation>
    </message>
    <message>
        <source>On sale</source>
        <translation>在售</translation>
    </message>
    <message>
        <source>New count card</source>
        <translation>新建计次卡</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <source>never expires</source>
        <translation>永久有效</translation>
    </message>
    <message>
        <source>%1 days from the first use</source>
        <translation>首次使用起 %1 天</translation>
    </message>
    <message>
        <source>%1 days from the sale</source>
        <translation>售出起 %1 天</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
</context>
<context>
    <name>huike::ui::CouponDialog</name>
    <message>
        <source>Coupons</source>
        <translation>优惠券</translation>
    </message>
    <message>
        <source>Scan or type a coupon code and press Enter</source>
        <translation>扫描或输入券号后按回车</translation>
    </message>
    <message>
        <source>Use</source>
        <translation>使用</translation>
    </message>
    <message>
        <source>Coupon</source>
        <translation>优惠券</translation>
    </message>
    <message>
        <source>Terms</source>
        <translation>优惠内容</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>券号</translation>
    </message>
    <message>
        <source>Use / not use</source>
        <translation>使用 / 不用</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>确定</translation>
    </message>
    <message>
        <source>The member has no usable coupons: scan or type one.</source>
        <translation>该会员没有可用的优惠券：可扫描或输入券号。</translation>
    </message>
    <message>
        <source>No member is attached: scan or type the coupon&apos;s code.</source>
        <translation>未关联会员：请扫描或输入券号。</translation>
    </message>
    <message>
        <source>no end</source>
        <translation>长期有效</translation>
    </message>
    <message>
        <source>%1 (%2) ticked: Enter applies.</source>
        <translation>已勾选 %1（%2）：按回车确定。</translation>
    </message>
</context>
<context>
    <name>huike::ui::CouponTypeDialog</name>
    <message>
        <source>May go with other coupons on one order</source>
        <translation>可与其他券同单使用</translation>
    </message>
    <message>
        <source>Coupon type %1</source>
        <translation>券种 %1</translation>
    </message>
    <message>
        <source>New coupon type</source>
        <translation>新建券种</translation>
    </message>
    <message>
        <source>cash voucher (满100减20)</source>
        <translation>代金券（满100减20）</translation>
    </message>
    <message>
        <source>discount (8.5折)</source>
        <translation>折扣券（8.5折）</translation>
    </message>
    <message>
        <source>gift (one unit of a product)</source>
        <translation>礼品券（赠一件商品）</translation>
    </message>
    <message>
        <source>no end</source>
        <translation>长期有效</translation>
    </message>
    <message>
        <source>by hand</source>
        <translation>手动发放</translation>
    </message>
    <message>
        <source>on registration</source>
        <translation>注册时发放</translation>
    </message>
    <message>
        <source>on the birthday</source>
        <translation>生日当天发放</translation>
    </message>
    <message>
        <source>after a purchase of at least</source>
        <translation>单笔消费满额后发放</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Amount off (¥)</source>
        <translation>减免金额 (¥)</translation>
    </message>
    <message>
        <source>Discount (折)</source>
        <translation>折扣 (折)</translation>
    </message>
    <message>
        <source>Gift product (code)</source>
        <translation>赠品 (货号)</translation>
    </message>
    <message>
        <source>Minimum spend (¥)</source>
        <translation>使用门槛 (¥)</translation>
    </message>
    <message>
        <source>Only on these categories (none ticked: all goods)</source>
        <translation>仅限这些分类（不勾选：全部商品）</translation>
    </message>
    <message>
        <source>Valid for (days from issue)</source>
        <translation>有效天数（自发放日起）</translation>
    </message>
    <message>
        <source>Purchase amount (¥)</source>
        <translation>消费满额 (¥)</translation>
    </message>
    <message>
        <source>Give the amounts in yuan, such as 20 or 99.50.</source>
        <translation>请以元为单位填写金额，如 20 或 99.50。</translation>
    </message>
    <message>
        <source>No product has the code %1.</source>
        <translation>没有货号为 %1 的商品。</translation>
    </message>
    <message>
        <source>Being issued</source>
        <translation>发放中</translation>
    </message>
    <message>
        <source>Issued when</source>
        <translation>发放方式</translation>
    </message>
</context>
<context>
    <name>huike::ui::CouponsPage</name>
    <message>
        <source>Coupon type</source>
        <translation>券种</translation>
    </message>
    <message>
        <source>Terms</source>
        <translation>优惠内容</translation>
    </message>
    <message>
        <source>Valid</source>
        <translation>有效期</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>发放方式</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>New coupon type</source>
        <translation>新建券种</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation>%1 天</translation>
    </message>
    <message>
        <source>no end</source>
        <translation>长期有效</translation>
    </message>
    <message>
        <source>on registration</source>
        <translation>注册时</translation>
    </message>
    <message>
        <source>on the birthday</source>
        <translation>生日当天</translation>
    </message>
    <message>
        <source>after %1</source>
        <translation>消费满 %1 后</translation>
    </message>
    <message>
        <source>by hand</source>
        <translation>手动</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
</context>
<context>
    <name>huike::ui::CustomerScreen</name>
    <message>
        <source>Customer screen</source>
        <translation>顾客屏</translation>
    </message>
    <message>
        <source>%1  %2 · Total</source>
        <translation>%1  %2 · 合计</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>已收</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>找零</translation>
    </message>
</context>
<context>
    <name>huike::ui::DemoDevicesWindow</name>
    <message>
        <source>Demo devices</source>
        <translation>演示设备</translation>
    </message>
    <message>
        <source>These devices are played by Huike on virtual serial ports in %1. The till uses them as it would real ones: receipts come out below, and you swipe the cards and make the calls.</source>
        <translation>这些设备由汇客在 %1 中的虚拟串口上模拟。收银台像使用真设备一样使用它们：小票在下方打出，刷卡和来电由您操作。</translation>
    </message>
    <message>
        <source>Receipt printer</source>
        <translation>小票打印机</translation>
    </message>
    <message>
        <source>State:</source>
        <translation>状态：</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>Paper low</source>
        <translation>纸将尽</translation>
    </message>
    <message>
        <source>Paper out</source>
        <translation>缺纸</translation>
    </message>
    <message>
        <source>Cover open</source>
        <translation>开盖</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <source>Tear off</source>
        <translation>撕纸</translation>
    </message>
    <message>
        <source>Customer display (2 x 20)</source>
        <translation>客显（2 × 20）</translation>
    </message>
    <message>
        <source>Card reader</source>
        <translation>读卡器</translation>
    </message>
    <message>
        <source>Swipe</source>
        <translation>刷卡</translation>
    </message>
    <message>
        <source>Caller-ID box</source>
        <translation>来电宝</translation>
    </message>
    <message>
        <source>Ring</source>
        <translation>来电</translation>
    </message>
    <message>
        <source>%1  (a card no member has)</source>
        <translation>%1  （未登记的卡）</translation>
    </message>
    <message>
        <source>%1  (a new caller)</source>
        <translation>%1  （陌生号码）</translation>
    </message>
    <message>
        <source>P  (number withheld)</source>
        <translation>P  （隐藏号码）</translation>
    </message>
    <message>
        <source>[QR code: %1]</source>
        <translation>［二维码：%1］</translation>
    </message>
    <message>
        <source>[logo, %1 x %2 dots]</source>
        <translation>［标志图片，%1 × %2 点］</translation>
    </message>
    <message>
        <source>- - - - - - cut here - - - - - -</source>
        <translation>- - - - - - 切纸 - - - - - -</translation>
    </message>
    <message>
        <source>[the cash drawer opens]</source>
        <translation>［钱箱弹开］</translation>
    </message>
</context>
<context>
    <name>huike::ui::DevicesPage</name>
    <message>
        <source>Receipt printer and cash drawer</source>
        <translation>小票打印机和钱箱</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Find ports</source>
        <translation>查找端口</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <source>serial:/dev/ttyUSB0:9600 · tcp:192.168.1.50:9100 · usb:/dev/usb/lp0 · file:/path/copy.bin</source>
        <translation>串口 serial:/dev/ttyUSB0:9600 · 网口 tcp:192.168.1.50:9100 · USB usb:/dev/usb/lp0 · 文件 file:/path/copy.bin</translation>
    </message>
    <message>
        <source>58 mm paper (32 columns)</source>
        <translation>58 毫米纸（32 列）</translation>
    </message>
    <message>
        <source>80 mm paper (48 columns)</source>
        <translation>80 毫米纸（48 列）</translation>
    </message>
    <message>
        <source>Paper</source>
        <translation>纸宽</translation>
    </message>
    <message>
        <source>e.g. the membership sign-up link; none when empty</source>
        <translation>例如会员注册链接；留空则不打印</translation>
    </message>
    <message>
        <source>QR code under each receipt</source>
        <translation>小票底部二维码</translation>
    </message>
    <message>
        <source>Print each sale, refund and void as it is saved</source>
        <translation>每笔销售、退货和作废保存后自动打印</translation>
    </message>
    <message>
        <source>Open the cash drawer (on the printer&apos;s kick port) when cash is taken or paid back</source>
        <translation>收取或退还现金时打开钱箱（接在打印机钱箱口）</translation>
    </message>
    <message>
        <source>Print a test page</source>
        <translation>打印测试页</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>当前状态</translation>
    </message>
    <message>
        <source>Printing...</source>
        <translation>正在打印...</translation>
    </message>
    <message>
        <source>The test page was sent. Check the Chinese, the columns, the barcode, the QR code and the cut.</source>
        <translation>测试页已发送。请检查中文、列宽、条码、二维码和切纸。</translation>
    </message>
    <message>
        <source>Send the Chinese mode command (FS &amp;&amp;); clear it if Chinese prints garbled</source>
        <translation>发送中文模式指令（FS &amp;&amp;）；中文乱码时取消勾选</translation>
    </message>
    <message>
        <source>Member card reader</source>
        <translation>会员卡读卡器</translation>
    </message>
    <message>
        <source>Find out from what it sends</source>
        <translation>根据发送内容自动判断</translation>
    </message>
    <message>
        <source>A line of digits (RFID readers)</source>
        <translation>一行数字（RFID 读卡器）</translation>
    </message>
    <message>
        <source>STX ... ETX frames with a checksum (EM4100)</source>
        <translation>STX…ETX 帧，带校验（EM4100）</translation>
    </message>
    <message>
        <source>Magnetic stripe tracks</source>
        <translation>磁条磁道</translation>
    </message>
    <message>
        <source>What it sends</source>
        <translation>发送格式</translation>
    </message>
    <message>
        <source>The stripe reader sends each track&apos;s LRC (checked)</source>
        <translation>发送各磁道的 LRC（校验）</translation>
    </message>
    <message>
        <source>e.g. \d{10}: a reader that types into the window, told from the scanner</source>
        <translation>例如 \d{10}：键盘式读卡器的卡号，用于和扫码枪区分</translation>
    </message>
    <message>
        <source>Card numbers (keyboard readers)</source>
        <translation>卡号规则（键盘式读卡器）</translation>
    </message>
    <message>
        <source>Caller ID (来电宝 or modem)</source>
        <translation>来电显示（来电宝或调制解调器）</translation>
    </message>
    <message>
        <source>DATE / TIME / NMBR lines (AT+VCID=1)</source>
        <translation>DATE / TIME / NMBR 行（AT+VCID=1）</translation>
    </message>
    <message>
        <source>The MDMF or SDMF message in hex (AT+VCID=2)</source>
        <translation>十六进制 MDMF 或 SDMF 信息（AT+VCID=2）</translation>
    </message>
    <message>
        <source>The number alone on a line</source>
        <translation>每行一个号码</translation>
    </message>
    <message>
        <source>e.g. AT+VCID=1 for a modem; empty for a box</source>
        <translation>调制解调器如 AT+VCID=1；来电宝留空</translation>
    </message>
    <message>
        <source>Set-up command</source>
        <translation>初始化指令</translation>
    </message>
    <message>
        <source>none set up</source>
        <translation>未设置</translation>
    </message>
    <message>
        <source>Customer display</source>
        <translation>客显</translation>
    </message>
    <message>
        <source>8-digit LED price display (ESC Q A)</source>
        <translation>8 位 LED 客显（ESC Q A）</translation>
    </message>
    <message>
        <source>2 x 20 character VFD</source>
        <translation>2 × 20 字符 VFD 客显</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Welcome</source>
        <translation>欢迎语</translation>
    </message>
    <message>
        <source>Show the cart on a second monitor when one is attached</source>
        <translation>在第二台显示器上显示购物车（接有时）</translation>
    </message>
    <message>
        <source>Choose picture...</source>
        <translation>选择图片...</translation>
    </message>
    <message>
        <source>No logo</source>
        <translation>不用 Logo</translation>
    </message>
    <message>
        <source>Logo</source>
        <translation>小票 Logo</translation>
    </message>
    <message>
        <source>Pictures (*.png *.jpg *.jpeg *.bmp)</source>
        <translation>图片 (*.png *.jpg *.jpeg *.bmp)</translation>
    </message>
    <message>
        <source>%1 is no picture this program can read (PNG, JPEG or BMP).</source>
        <translation>%1 不是可读取的图片（PNG、JPEG 或 BMP）。</translation>
    </message>
    <message>
        <source>Wait for a swipe</source>
        <translation>等待刷卡</translation>
    </message>
    <message>
        <source>Wait for a call</source>
        <translation>等待来电</translation>
    </message>
    <message>
        <source>Show a test</source>
        <translation>显示测试</translation>
    </message>
    <message>
        <source>Showing...</source>
        <translation>正在显示…</translation>
    </message>
    <message>
        <source>The display showed the welcome, a price of 69.90, the total 88.80, 100.00 paid and 11.20 change.</source>
        <translation>客显已依次显示：欢迎语、单价 69.90、合计 88.80、收款 100.00、找零 11.20。</translation>
    </message>
    <message>
        <source>Swipe a card on the reader now (%1 s)...</source>
        <translation>请现在在读卡器上刷卡（%1 秒）…</translation>
    </message>
    <message>
        <source>No card was read in %1 seconds: check the port, its speed and what the reader sends.</source>
        <translation>%1 秒内没有读到卡：请检查端口、波特率和读卡格式。</translation>
    </message>
    <message>
        <source>Card %1 was read.</source>
        <translation>读到卡号 %1。</translation>
    </message>
    <message>
        <source>Call the shop&apos;s number now (%1 s)...</source>
        <translation>请现在拨打店里的电话（%1 秒）…</translation>
    </message>
    <message>
        <source>No call was reported in %1 seconds: check the port, what the box sends and, for a modem, its set-up command.</source>
        <translation>%1 秒内没有收到来电：请检查端口、来电宝的格式，调制解调器还要检查初始化命令。</translation>
    </message>
    <message>
        <source>A call came with its number withheld.</source>
        <translation>收到来电，号码已隐藏。</translation>
    </message>
    <message>
        <source>A call came from %1.</source>
        <translation>收到来电：%1。</translation>
    </message>
</context>
<context>
    <name>huike::ui::FieldsPage</name>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Choices</source>
        <translation>选项</translation>
    </message>
    <message>
        <source>On the form</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Fields of your own on the member form, in the member list&apos;s filters and in the exported CSV: 肤质 for a beauty salon, 保险到期 for a car-care shop.</source>
        <translation>本店自己的会员字段，出现在会员资料、会员列表筛选和导出的 CSV 中：如美容院的“肤质”、汽车美容店的“保险到期”。</translation>
    </message>
    <message>
        <source>Name, e.g. 肤质</source>
        <translation>名称，如 肤质</translation>
    </message>
    <message>
        <source>Choices, apart by commas: 干性, 油性, 混合性</source>
        <translation>选项，用逗号分隔：干性, 油性, 混合性</translation>
    </message>
    <message>
        <source>Add field</source>
        <translation>添加字段</translation>
    </message>
    <message>
        <source>Change choices…</source>
        <translation>修改选项…</translation>
    </message>
    <message>
        <source>Retire / restore</source>
        <translation>停用 / 启用</translation>
    </message>
    <message>
        <source>%1 is on the member form.</source>
        <translation>%1 已加入会员资料。</translation>
    </message>
    <message>
        <source>%1 has no choices.</source>
        <translation>%1 没有选项。</translation>
    </message>
    <message>
        <source>Choices of %1</source>
        <translation>%1 的选项</translation>
    </message>
    <message>
        <source>Choices, apart by commas:</source>
        <translation>选项（用逗号分隔）：</translation>
    </message>
    <message>
        <source>The choices of %1 are saved.</source>
        <translation>%1 的选项已保存。</translation>
    </message>
    <message>
        <source>%1 is on the member form again.</source>
        <translation>%1 已重新启用。</translation>
    </message>
    <message>
        <source>%1 is off the form; members&apos; values are kept.</source>
        <translation>%1 已停用；会员已填的内容保留。</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Choose a field in the list first.</source>
        <translation>请先在列表中选择一个字段。</translation>
    </message>
</context>
<context>
    <name>huike::ui::GiftDialog</name>
    <message>
        <source>Gifts for points</source>
        <translation>积分兑换</translation>
    </message>
    <message>
        <source>%1  %2: %3 points</source>
        <translation>%1  %2：%3 积分</translation>
    </message>
    <message>
        <source>Gift</source>
        <translation>礼品</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>所需积分</translation>
    </message>
    <message>
        <source>In stock</source>
        <translation>库存</translation>
    </message>
    <message>
        <source>No gifts are on offer: a manager adds them in System &gt; Member programme.</source>
        <translation>暂无可兑换礼品：店长可在 系统 &gt; 会员方案 中添加。</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Redeem</source>
        <translation>兑换</translation>
    </message>
</context>
<context>
    <name>huike::ui::GiftsPage</name>
    <message>
        <source>Gift</source>
        <translation>礼品</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>所需积分</translation>
    </message>
    <message>
        <source>In stock</source>
        <translation>库存</translation>
    </message>
    <message>
        <source>Offered</source>
        <translation>可兑换</translation>
    </message>
    <message>
        <source>Gift, e.g. 不锈钢保温杯</source>
        <translation>礼品名称，如 不锈钢保温杯</translation>
    </message>
    <message>
        <source> points</source>
        <translation> 积分</translation>
    </message>
    <message>
        <source>stock </source>
        <translation>库存 </translation>
    </message>
    <message>
        <source>Add gift</source>
        <translation>添加礼品</translation>
    </message>
    <message>
        <source>Why (到货, 损坏 ...)</source>
        <translation>原因（到货、损坏……）</translation>
    </message>
    <message>
        <source>Change stock</source>
        <translation>调整库存</translation>
    </message>
    <message>
        <source>Offer / withdraw</source>
        <translation>上架 / 下架</translation>
    </message>
    <message>
        <source>%1 added.</source>
        <translation>%1 已添加。</translation>
    </message>
    <message>
        <source>Stock of %1 changed by %2.</source>
        <translation>%1 库存已调整 %2。</translation>
    </message>
    <message>
        <source>%1 is offered again.</source>
        <translation>%1 已重新上架。</translation>
    </message>
    <message>
        <source>%1 is withdrawn.</source>
        <translation>%1 已下架。</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Choose a gift in the list first.</source>
        <translation>请先在列表中选择一个礼品。</translation>
    </message>
</context>
<context>
    <name>huike::ui::HeldDialog</name>
    <message>
        <source>Recall a held order</source>
        <translation>取单</translation>
    </message>
    <message>
        <source>Held at</source>
        <translation>挂单时间</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>件数</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Cashier</source>
        <translation>收银员</translation>
    </message>
    <message>
        <source>Recall</source>
        <translation>取单</translation>
    </message>
    <message>
        <source>Discard the held order</source>
        <translation>删除挂单</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Discard this held order? The goods go back to the shelf.</source>
        <translation>确定删除该挂单吗？请将商品放回货架。</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>已收</translation>
    </message>
</context>
<context>
    <name>huike::ui::ImportPreviewDialog</name>
    <message>
        <source>Import products: %1</source>
        <translation>导入商品：%1</translation>
    </message>
    <message>
        <source>Decide from the whole file</source>
        <translation>按整个文件自动判断</translation>
    </message>
    <message>
        <source>GBK / GB18030 (older Chinese software)</source>
        <translation>GBK / GB18030（较早的中文软件）</translation>
    </message>
    <message>
        <source>F2  Encoding</source>
        <translation>F2  编码</translation>
    </message>
    <message>
        <source>Check that the names read right. Garbled names (such as 娉夋按) mean the wrong encoding: press F2 to choose another.</source>
        <translation>请核对商品名称是否正确。名称出现乱码（如“娉夋按”）说明编码不对：按 F2 换一种编码。</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Read as %1. %2</source>
        <translation>按 %1 读取。%2</translation>
    </message>
    <message numerus="yes">
        <source>Read as %1: %n product row(s).</source>
        <translation>
            <numerusform>按 %1 读取：共 %n 行商品。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) cannot be read and will be rejected with their line numbers.</source>
        <translation>
            <numerusform>%n 行无法读取，将连同行号一起拒绝导入。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>huike::ui::LevelsPage</name>
    <message>
        <source>Level</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Growth needed</source>
        <translation>所需成长值</translation>
    </message>
    <message>
        <source>Spend needed</source>
        <translation>所需累计消费</translation>
    </message>
    <message>
        <source>Level price (折)</source>
        <translation>会员折扣 (折)</translation>
    </message>
    <message>
        <source>Points rate (%)</source>
        <translation>积分倍率 (%)</translation>
    </message>
    <message>
        <source>growth value (成长值)</source>
        <translation>成长值</translation>
    </message>
    <message>
        <source>cumulative net spend</source>
        <translation>累计净消费</translation>
    </message>
    <message>
        <source>Members move up by</source>
        <translation>升级依据</translation>
    </message>
    <message>
        <source>Growth value per yuan spent</source>
        <translation>每消费 1 元得成长值</translation>
    </message>
    <message>
        <source>Add level</source>
        <translation>添加等级</translation>
    </message>
    <message>
        <source>Remove level</source>
        <translation>删除等级</translation>
    </message>
    <message>
        <source>Save levels</source>
        <translation>保存等级</translation>
    </message>
    <message>
        <source>New level</source>
        <translation>新等级</translation>
    </message>
    <message>
        <source>Valid days (0: for good)</source>
        <translation>有效天数（0 为永久）</translation>
    </message>
    <message>
        <source>Row %1 (%2): growth is a whole number, spend an amount, the level price a 折 such as 9.5, the points rate a percentage such as 100, the valid days a whole number.</source>
        <translation>第 %1 行（%2）：成长值为整数，消费额为金额，等级价为折扣（如 9.5），积分倍率为百分比（如 100），有效天数为整数。</translation>
    </message>
    <message>
        <source>Levels saved. Members move to their new level with their next sale or refund; a level with valid days is held that long from when it is reached, then kept only if the member earned it again in that time.</source>
        <translation>等级已保存。会员在下一次消费或退货时调整到新等级；设有有效天数的等级自达到之日起保留该天数，到期时若这段时间内再次达到门槛则续期，否则降级。</translation>
    </message>
    <message>
        <source>off</source>
        <translation>不启用</translation>
    </message>
    <message>
        <source>at the end of each month</source>
        <translation>每月末结算</translation>
    </message>
    <message>
        <source>at the end of each quarter</source>
        <translation>每季度末结算</translation>
    </message>
    <message>
        <source>R (recency)</source>
        <translation>R（最近消费）</translation>
    </message>
    <message>
        <source>F (frequency)</source>
        <translation>F（消费频次）</translation>
    </message>
    <message>
        <source>M (net spend)</source>
        <translation>M（消费金额）</translation>
    </message>
    <message>
        <source>Growth value from RFM</source>
        <translation>RFM 成长值</translation>
    </message>
    <message>
        <source>Growth a score point above or below 3</source>
        <translation>每高于或低于 3 分一分的成长值</translation>
    </message>
    <message>
        <source>At each period&apos;s end every member who has bought is scored 1 to 5 on R, F and M as 会员分析 scores them; their growth value changes by each weight times (score − 3), so it can fall (never below 0), and their level follows it up or down. Each change is in the member&apos;s growth and level history.</source>
        <translation>每个周期结束时，按会员分析的口径给每位消费过的会员的 R、F、M 各打 1–5 分；成长值按“权重 ×（得分 − 3）”增减，可以下降（不低于 0），等级随之升降。每次变动都记入会员的成长值和等级记录。</translation>
    </message>
</context>
<context>
    <name>huike::ui::LoginDialog</name>
    <message>
        <source>Demo store: cashier 1001 / PIN 1234, manager 8001 / PIN 8888, admin 9001 / PIN 9999.</source>
        <translation>演示门店：收银员 1001 / 密码 1234，店长 8001 / 密码 8888，管理员 9001 / 密码 9999。</translation>
    </message>
</context>
<context>
    <name>huike::ui::MainWindow</name>
    <message>
        <source>Huike POS</source>
        <translation>汇客收银</translation>
    </message>
    <message>
        <source>Checkout (Ctrl+1)</source>
        <translation>收银(Ctrl+1)</translation>
    </message>
    <message>
        <source>Products (Ctrl+2)</source>
        <translation>商品(Ctrl+2)</translation>
    </message>
    <message>
        <source>&amp;System</source>
        <translation>系统(&amp;S)</translation>
    </message>
    <message>
        <source>Checkout</source>
        <translation>收银</translation>
    </message>
    <message>
        <source>Products</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Settings...</source>
        <translation>设置...</translation>
    </message>
    <message>
        <source>Switch operator</source>
        <translation>切换操作员</translation>
    </message>
    <message>
        <source>Close shift (F11)</source>
        <translation>交班(F11)</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>Finish or hold the current cart first (F6).</source>
        <translation>请先将当前商品结账或挂单（F6）。</translation>
    </message>
    <message>
        <source>Close shift</source>
        <translation>交班</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Only a manager or administrator can change settings.</source>
        <translation>只有店长或管理员才能修改设置。</translation>
    </message>
    <message>
        <source>Till %1</source>
        <translation>收银台 %1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Shift open since %1</source>
        <translation>开班时间 %1</translation>
    </message>
    <message>
        <source>No shift open</source>
        <translation>未开班</translation>
    </message>
    <message>
        <source>Last receipt %1</source>
        <translation>上一单 %1</translation>
    </message>
    <message>
        <source>The cart (%1 items, %2) will be held: F7 recalls it when Huike starts again.</source>
        <translation>购物车（%1 行，%2）将被挂单：下次启动汇客后按 F7 取单。</translation>
    </message>
    <message>
        <source>%1&apos;s shift stays open, with its drawer: close it (交班) first if the day is over.</source>
        <translation>%1 的班次和钱箱将保持未交班：如果今天已结束营业，请先交班。</translation>
    </message>
    <message>
        <source>Quit Huike</source>
        <translation>退出汇客</translation>
    </message>
    <message>
        <source>Close the shift (交班), then quit</source>
        <translation>先交班再退出</translation>
    </message>
    <message>
        <source>held when Huike was closed</source>
        <translation>退出程序时挂单</translation>
    </message>
    <message>
        <source>Member programme...</source>
        <translation>会员方案...</translation>
    </message>
    <message>
        <source>Member programme</source>
        <translation>会员方案</translation>
    </message>
    <message>
        <source>Only a manager or administrator can change the member programme.</source>
        <translation>只有店长或管理员可以修改会员方案。</translation>
    </message>
    <message>
        <source>Members (Ctrl+3)</source>
        <translation>会员(Ctrl+3)</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>会员</translation>
    </message>
    <message>
        <source>Customer analysis (Ctrl+4)</source>
        <translation>会员分析 (Ctrl+4)</translation>
    </message>
    <message>
        <source>Customer analysis</source>
        <translation>会员分析</translation>
    </message>
    <message>
        <source>Print queue</source>
        <translation>打印队列</translation>
    </message>
    <message>
        <source>Print queue...</source>
        <translation>打印队列...</translation>
    </message>
    <message>
        <source>Call log...</source>
        <translation>来电记录...</translation>
    </message>
    <message>
        <source>Card %1 swiped: close the open window first to use it.</source>
        <translation>已刷卡 %1：请先关闭当前窗口再使用。</translation>
    </message>
    <message>
        <source>Card %1: %2 (%3).</source>
        <translation>会员卡 %1：%2（%3）。</translation>
    </message>
    <message>
        <source>Card %1 belongs to no member.</source>
        <translation>会员卡 %1 未登记。</translation>
    </message>
    <message>
        <source>Demo devices...</source>
        <translation>演示设备…</translation>
    </message>
</context>
<context>
    <name>huike::ui::ManagerAuthDialog</name>
    <message>
        <source>Manager approval</source>
        <translation>店长授权</translation>
    </message>
    <message>
        <source>Manager code</source>
        <translation>店长编号</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>huike::ui::MemberDetailDialog</name>
    <message>
        <source>Member</source>
        <translation>会员详情</translation>
    </message>
    <message>
        <source>Save profile</source>
        <translation>保存资料</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>账户</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>资料</translation>
    </message>
    <message>
        <source>Count cards</source>
        <translation>计次卡</translation>
    </message>
    <message>
        <source>Coupons</source>
        <translation>优惠券</translation>
    </message>
    <message>
        <source>Purchases</source>
        <translation>消费记录</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>积分</translation>
    </message>
    <message>
        <source>Stored value</source>
        <translation>储值</translation>
    </message>
    <message>
        <source>Growth</source>
        <translation>成长值</translation>
    </message>
    <message>
        <source>Levels</source>
        <translation>等级变动</translation>
    </message>
    <message>
        <source>Card uses</source>
        <translation>计次记录</translation>
    </message>
    <message>
        <source>Card and profile</source>
        <translation>卡务记录</translation>
    </message>
    <message>
        <source>Report lost</source>
        <translation>挂失</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>锁定</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <source>Replace card…</source>
        <translation>补卡…</translation>
    </message>
    <message>
        <source>Transfer stored value…</source>
        <translation>储值转赠…</translation>
    </message>
    <message>
        <source>Reset payment PIN…</source>
        <translation>设置/重置支付密码…</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>卡</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>服务</translation>
    </message>
    <message>
        <source>Uses left</source>
        <translation>剩余次数</translation>
    </message>
    <message>
        <source>Standing</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Extend validity…</source>
        <translation>延期…</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>券码</translation>
    </message>
    <message>
        <source>Coupon</source>
        <translation>优惠券</translation>
    </message>
    <message>
        <source>Terms</source>
        <translation>面值</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <source>Issue a coupon…</source>
        <translation>发券…</translation>
    </message>
    <message>
        <source>Void coupon…</source>
        <translation>作废…</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>（未留姓名）</translation>
    </message>
    <message>
        <source>the highest level</source>
        <translation>已是最高等级</translation>
    </message>
    <message>
        <source>%1 more growth to %2</source>
        <translation>再得 %1 成长值升 %2</translation>
    </message>
    <message>
        <source>%1 more spend to %2</source>
        <translation>再消费 %1 升 %2</translation>
    </message>
    <message>
        <source>&lt;b&gt;Growth&lt;/b&gt; %1 · &lt;b&gt;net spend&lt;/b&gt; %2</source>
        <translation>&lt;b&gt;成长值&lt;/b&gt; %1 · &lt;b&gt;累计消费&lt;/b&gt; %2</translation>
    </message>
    <message>
        <source>&lt;b&gt;Points&lt;/b&gt; %1 usable</source>
        <translation>&lt;b&gt;积分&lt;/b&gt; %1 可用</translation>
    </message>
    <message>
        <source>&lt;b&gt;Stored value&lt;/b&gt; %1 (principal %2, bonus %3)</source>
        <translation>&lt;b&gt;储值余额&lt;/b&gt; %1（本金 %2，赠送 %3）</translation>
    </message>
    <message>
        <source>&lt;b&gt;Payment PIN&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;支付密码&lt;/b&gt; %1</translation>
    </message>
    <message>
        <source>set</source>
        <translation>已设置</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>未设置</translation>
    </message>
    <message>
        <source>&lt;b&gt;Card&lt;/b&gt; %1 · %2</source>
        <translation>&lt;b&gt;会员卡&lt;/b&gt; %1 · %2</translation>
    </message>
    <message>
        <source>the phone is the card</source>
        <translation>手机号即卡号</translation>
    </message>
    <message>
        <source>&lt;b&gt;Member since&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;入会日期&lt;/b&gt; %1</translation>
    </message>
    <message>
        <source>Unused</source>
        <translation>未使用</translation>
    </message>
    <message>
        <source>Used</source>
        <translation>已使用</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <source>Voided</source>
        <translation>已作废</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>永久</translation>
    </message>
    <message>
        <source>The profile is saved.</source>
        <translation>资料已保存。</translation>
    </message>
    <message>
        <source>Why (kept in the log):</source>
        <translation>原因（记入日志）：</translation>
    </message>
    <message>
        <source>The customer lost the card</source>
        <translation>顾客遗失会员卡</translation>
    </message>
    <message>
        <source>The card is reported lost: it is refused at the till until it is unlocked.</source>
        <translation>已挂失：解锁前收银台不再接受此卡。</translation>
    </message>
    <message>
        <source>The card is locked: it is refused at the till until it is unlocked.</source>
        <translation>已锁定：解锁前收银台不再接受此卡。</translation>
    </message>
    <message>
        <source>The card was found</source>
        <translation>卡已找回</translation>
    </message>
    <message>
        <source>Unlock the card of %1</source>
        <translation>解锁 %1 的会员卡</translation>
    </message>
    <message>
        <source>The card is active again.</source>
        <translation>会员卡已恢复正常。</translation>
    </message>
    <message>
        <source>Replace card</source>
        <translation>补卡</translation>
    </message>
    <message>
        <source>Card lost</source>
        <translation>卡遗失</translation>
    </message>
    <message>
        <source>New card %1 for %2</source>
        <translation>为 %2 补发新卡 %1</translation>
    </message>
    <message>
        <source>Card %1 replaces the old one: balances, points, count cards, coupons and history stay with the member; the old card is refused from now on.</source>
        <translation>新卡 %1 已启用：余额、积分、计次卡、优惠券和消费记录全部保留；旧卡从此作废。</translation>
    </message>
    <message>
        <source>Transfer stored value</source>
        <translation>储值转赠</translation>
    </message>
    <message>
        <source>To the member with phone or card:</source>
        <translation>转给会员（手机号或卡号）：</translation>
    </message>
    <message>
        <source>Amount to %1 (of %2):</source>
        <translation>转给 %1 的金额（余额 %2）：</translation>
    </message>
    <message>
        <source>Transfer %1 from %2 to %3</source>
        <translation>从 %2 转 %1 给 %3</translation>
    </message>
    <message>
        <source>%1 moved to %2 (principal %3, bonus %4).</source>
        <translation>已将 %1 转给 %2（本金 %3，赠送 %4）。</translation>
    </message>
    <message>
        <source>Reset the payment PIN of %1</source>
        <translation>重置 %1 的支付密码</translation>
    </message>
    <message>
        <source>Payment PIN</source>
        <translation>支付密码</translation>
    </message>
    <message>
        <source>The customer types a new PIN of 4 to 6 digits (empty: no PIN):</source>
        <translation>请顾客输入 4 到 6 位新密码（留空：不设密码）：</translation>
    </message>
    <message>
        <source>Stored value pays without a PIN now.</source>
        <translation>储值支付现在无需密码。</translation>
    </message>
    <message>
        <source>The new payment PIN is set.</source>
        <translation>新支付密码已设置。</translation>
    </message>
    <message>
        <source>Extend validity</source>
        <translation>延期</translation>
    </message>
    <message>
        <source>Select the count card to extend.</source>
        <translation>请先选择要延期的计次卡。</translation>
    </message>
    <message>
        <source>Days to add:</source>
        <translation>延长天数：</translation>
    </message>
    <message numerus="yes">
        <source>Extend the count card by %n day(s)</source>
        <translation>
            <numerusform>计次卡延期 %n 天</numerusform>
        </translation>
    </message>
    <message>
        <source>Issue a coupon</source>
        <translation>发券</translation>
    </message>
    <message>
        <source>The shop has no coupon types: add one in 会员方案.</source>
        <translation>本店还没有优惠券类型：请在会员方案中添加。</translation>
    </message>
    <message>
        <source>Coupon:</source>
        <translation>优惠券：</translation>
    </message>
    <message>
        <source>Goodwill</source>
        <translation>客情赠送</translation>
    </message>
    <message>
        <source>Coupon %1 (%2) issued.</source>
        <translation>已发放优惠券 %1（%2）。</translation>
    </message>
    <message>
        <source>Void coupon</source>
        <translation>作废优惠券</translation>
    </message>
    <message>
        <source>Select the coupon to void.</source>
        <translation>请先选择要作废的优惠券。</translation>
    </message>
    <message>
        <source>Coupon %1 is void.</source>
        <translation>优惠券 %1 已作废。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Tags&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;标签&lt;/b&gt; %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;Notes&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;备注&lt;/b&gt; %1</translation>
    </message>
    <message>
        <source>Adjust points…</source>
        <translation>积分调整…</translation>
    </message>
    <message>
        <source>Adjust points</source>
        <translation>积分调整</translation>
    </message>
    <message>
        <source>Points to add (a minus takes off, e.g. -200):</source>
        <translation>增加的积分（负数为扣减，如 -200）：</translation>
    </message>
    <message>
        <source>Type a whole number of points, such as 200 or -200.</source>
        <translation>请输入整数积分，如 200 或 -200。</translation>
    </message>
    <message>
        <source>%1 points for %2</source>
        <translation>为 %2 调整 %1 积分</translation>
    </message>
    <message>
        <source>%1 points added.</source>
        <translation>已增加 %1 积分。</translation>
    </message>
    <message>
        <source>%1 points taken off.</source>
        <translation>已扣减 %1 积分。</translation>
    </message>
    <message>
        <source> (held through %1)</source>
        <translation>（有效期至 %1）</translation>
    </message>
    <message>
        <source>&lt;b&gt;Level&lt;/b&gt; %1%2 — %3</source>
        <translation>&lt;b&gt;等级&lt;/b&gt; %1%2 — %3</translation>
    </message>
    <message>
        <source>Swipe, scan or type the new card:</source>
        <translation>请刷新卡、扫码或输入新卡号：</translation>
    </message>
</context>
<context>
    <name>huike::ui::MemberDialog</name>
    <message>
        <source>Lost</source>
        <translation>已挂失</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>已锁定</translation>
    </message>
    <message>
        <source>Replaced</source>
        <translation>已换卡</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>会员</translation>
    </message>
    <message>
        <source>Phone, its last four digits, card number, name or pinyin initials</source>
        <translation>手机号、手机尾号四位、卡号、姓名或拼音首字母</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>手机号</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>卡号</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Growth</source>
        <translation>成长值</translation>
    </message>
    <message>
        <source>Card state</source>
        <translation>卡状态</translation>
    </message>
    <message>
        <source>Register new member</source>
        <translation>登记新会员</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Attach</source>
        <translation>关联</translation>
    </message>
    <message>
        <source>No member has this phone: F2 registers one.</source>
        <translation>没有使用此手机号的会员：按 F2 登记。</translation>
    </message>
    <message>
        <source>No member matches.</source>
        <translation>没有匹配的会员。</translation>
    </message>
</context>
<context>
    <name>huike::ui::MemberForm</name>
    <message>
        <source>Scan or type; empty: the phone is the card</source>
        <translation>刷卡或输入；留空则以手机号为卡号</translation>
    </message>
    <message>
        <source>Not given</source>
        <translation>未填</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>女</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>男</translation>
    </message>
    <message>
        <source>1990-05-20, or 05-20</source>
        <translation>1990-05-20，或 05-20</translation>
    </message>
    <message>
        <source>Not asked</source>
        <translation>未询问</translation>
    </message>
    <message>
        <source>Agrees to receive offers</source>
        <translation>同意接收优惠信息</translation>
    </message>
    <message>
        <source>Does not want offers</source>
        <translation>不接收优惠信息</translation>
    </message>
    <message>
        <source>The referring member&apos;s phone or card</source>
        <translation>推荐人的手机号或卡号</translation>
    </message>
    <message>
        <source>Apart by commas: VIP, 团购</source>
        <translation>用逗号分隔：VIP, 团购</translation>
    </message>
    <message>
        <source>Mobile (required)</source>
        <translation>手机号（必填）</translation>
    </message>
    <message>
        <source>Card number</source>
        <translation>卡号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Marketing</source>
        <translation>营销许可</translation>
    </message>
    <message>
        <source>Referred by</source>
        <translation>推荐人</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>2027-03-01</source>
        <translation>2027-03-01</translation>
    </message>
    <message>
        <source>A number</source>
        <translation>数字</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Choose photo…</source>
        <translation>选择照片…</translation>
    </message>
    <message>
        <source>Remove photo</source>
        <translation>移除照片</translation>
    </message>
    <message>
        <source>Member photo</source>
        <translation>会员照片</translation>
    </message>
    <message>
        <source>Pictures (*.jpg *.jpeg *.png *.bmp)</source>
        <translation>图片 (*.jpg *.jpeg *.png *.bmp)</translation>
    </message>
    <message>
        <source>Referred by: %1</source>
        <translation>推荐人：%1</translation>
    </message>
    <message>
        <source>%1 is not a picture that can be read (%2).</source>
        <translation>%1 不是可读取的图片（%2）。</translation>
    </message>
    <message>
        <source>The photo could not be converted.</source>
        <translation>照片无法转换。</translation>
    </message>
    <message>
        <source>No photo</source>
        <translation>暂无照片</translation>
    </message>
</context>
<context>
    <name>huike::ui::MemberListModel</name>
    <message>
        <source>Lost</source>
        <translation>挂失</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>锁定</translation>
    </message>
    <message>
        <source>Replaced</source>
        <translation>已补卡</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>手机号</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>卡号</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Growth</source>
        <translation>成长值</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>积分</translation>
    </message>
    <message>
        <source>Stored value</source>
        <translation>储值</translation>
    </message>
    <message>
        <source>Card state</source>
        <translation>卡状态</translation>
    </message>
    <message>
        <source>Joined</source>
        <translation>注册日期</translation>
    </message>
</context>
<context>
    <name>huike::ui::MembersWidget</name>
    <message>
        <source>With stored value</source>
        <translation>有储值</translation>
    </message>
    <message>
        <source>With points</source>
        <translation>有积分</translation>
    </message>
    <message>
        <source>Phone, its last four digits, card number, name or pinyin initials</source>
        <translation>手机号、尾号四位、卡号、姓名或拼音首字母</translation>
    </message>
    <message>
        <source>All levels</source>
        <translation>全部等级</translation>
    </message>
    <message>
        <source>Any birthday</source>
        <translation>全部生日</translation>
    </message>
    <message>
        <source>Born in month %1</source>
        <translation>%1 月生日</translation>
    </message>
    <message numerus="yes">
        <source>%n member(s)</source>
        <translation>
            <numerusform>共 %n 位会员</numerusform>
        </translation>
    </message>
    <message>
        <source>Any consent</source>
        <translation>营销许可：全部</translation>
    </message>
    <message>
        <source>Agreed to offers</source>
        <translation>同意营销</translation>
    </message>
    <message>
        <source>Not agreed</source>
        <translation>未同意营销</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>New member</source>
        <translation>新会员</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>from 2027-01-01</source>
        <translation>从 2027-01-01</translation>
    </message>
    <message>
        <source>from</source>
        <translation>从</translation>
    </message>
    <message>
        <source>contains</source>
        <translation>包含</translation>
    </message>
    <message>
        <source>Import members</source>
        <translation>导入会员</translation>
    </message>
    <message>
        <source>CSV files (*.csv *.txt)</source>
        <translation>CSV 文件 (*.csv *.txt)</translation>
    </message>
    <message>
        <source>Export members</source>
        <translation>导出会员</translation>
    </message>
    <message>
        <source>members.csv</source>
        <translation>会员.csv</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Any tag</source>
        <translation>所有标签</translation>
    </message>
    <message>
        <source>Any custom field</source>
        <translation>自定义字段</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>注册</translation>
    </message>
    <message>
        <source>%1 is registered, but the photo was not kept: %2</source>
        <translation>%1 已注册，但照片未保存：%2</translation>
    </message>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>%1 of %2 rows imported (%3), %4 refused, of them %5 duplicates.</source>
        <translation>共 %2 行，已导入 %1 行（%3），%4 行未导入，其中 %5 行重复。</translation>
    </message>
    <message>
        <source>Line %1: %2</source>
        <translation>第 %1 行：%2</translation>
    </message>
    <message>
        <source>… and %1 more.</source>
        <translation>……另有 %1 行。</translation>
    </message>
    <message>
        <source>%1 cannot be written: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message numerus="yes">
        <source>%n member(s) written to %1.</source>
        <translation>
            <numerusform>已导出 %n 位会员到 %1。</numerusform>
        </translation>
    </message>
    <message>
        <source>Points in bulk…</source>
        <translation>积分批量调整…</translation>
    </message>
    <message>
        <source>Points in bulk</source>
        <translation>积分批量调整</translation>
    </message>
    <message>
        <source>Reason for rows that give none (kept in the log):</source>
        <translation>未写原因的行使用此原因（记入日志）：</translation>
    </message>
    <message>
        <source>Member campaign</source>
        <translation>会员活动</translation>
    </message>
    <message>
        <source>Points in bulk from %1</source>
        <translation>按 %1 批量调整积分</translation>
    </message>
    <message>
        <source>%1 of %2 rows applied: %3 points given, %4 taken off; %5 rows left out.</source>
        <translation>共 %2 行，已处理 %1 行：增加 %3 积分，扣减 %4 积分；%5 行未处理。</translation>
    </message>
    <message>
        <source>This file is now applied: put the corrected rows in a new file.</source>
        <translation>此文件已导入：请把改正后的行另存为新文件再导入。</translation>
    </message>
</context>
<context>
    <name>huike::ui::OperatorDialog</name>
    <message>
        <source>Edit operator</source>
        <translation>修改操作员</translation>
    </message>
    <message>
        <source>New operator</source>
        <translation>新增操作员</translation>
    </message>
    <message>
        <source>Operator code (digits)</source>
        <translation>操作员编号（数字）</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>New PIN (empty: unchanged)</source>
        <translation>新密码（留空则不变）</translation>
    </message>
    <message>
        <source>PIN (4 to 12 characters)</source>
        <translation>密码（4 到 12 位）</translation>
    </message>
    <message>
        <source>PIN again</source>
        <translation>再次输入密码</translation>
    </message>
    <message>
        <source>May log in (clear to deactivate: the operator stays on past documents)</source>
        <translation>允许登录（取消勾选即停用；历史单据仍保留该操作员）</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>The two PINs differ: type the PIN twice, the same.</source>
        <translation>两次输入的密码不一致，请重新输入。</translation>
    </message>
</context>
<context>
    <name>huike::ui::PlanDialog</name>
    <message>
        <source>On sale</source>
        <translation>在售</translation>
    </message>
    <message>
        <source>Count card %1</source>
        <translation>计次卡 %1</translation>
    </message>
    <message>
        <source>New count card</source>
        <translation>新建计次卡</translation>
    </message>
    <message>
        <source>never expires</source>
        <translation>永久有效</translation>
    </message>
    <message>
        <source>from the sale</source>
        <translation>自售出起</translation>
    </message>
    <message>
        <source>from the first use</source>
        <translation>自首次使用起</translation>
    </message>
    <message>
        <source>any day</source>
        <translation>每天</translation>
    </message>
    <message>
        <source>weekdays (Mon-Fri)</source>
        <translation>工作日（周一至周五）</translation>
    </message>
    <message>
        <source>weekends</source>
        <translation>周末</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Card product (code)</source>
        <translation>卡商品 (货号)</translation>
    </message>
    <message>
        <source>Service a use covers (code)</source>
        <translation>每次抵扣的服务 (货号)</translation>
    </message>
    <message>
        <source>Uses</source>
        <translation>次数</translation>
    </message>
    <message>
        <source>Valid for (days)</source>
        <translation>有效天数</translation>
    </message>
    <message>
        <source>Validity runs</source>
        <translation>有效期起算</translation>
    </message>
    <message>
        <source>Usable on</source>
        <translation>可用日</translation>
    </message>
    <message>
        <source>No product has the code %1.</source>
        <translation>没有货号为 %1 的商品。</translation>
    </message>
</context>
<context>
    <name>huike::ui::PointsPage</name>
    <message>
        <source>Points expire at the end of the year after they were earned</source>
        <translation>积分于获得次年年底过期</translation>
    </message>
    <message>
        <source>Product or category</source>
        <translation>商品或分类</translation>
    </message>
    <message>
        <source>Points multiplier</source>
        <translation>积分倍数</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>星期</translation>
    </message>
    <message>
        <source>From</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>To</source>
        <translation>结束</translation>
    </message>
    <message>
        <source>One point per (yuan of the earning base)</source>
        <translation>每积 1 分需消费（元）</translation>
    </message>
    <message>
        <source>points pay ¥</source>
        <translation>积分抵 ¥</translation>
    </message>
    <message>
        <source>Points as cash</source>
        <translation>积分抵现</translation>
    </message>
    <message>
        <source>Points pay at most, of a sale</source>
        <translation>积分最多抵扣单笔金额的</translation>
    </message>
    <message>
        <source>Save points rules</source>
        <translation>保存积分规则</translation>
    </message>
    <message>
        <source>Multipliers by product or category (0 = earns no points)</source>
        <translation>按商品或分类的积分倍数（0 = 不积分）</translation>
    </message>
    <message>
        <source>Product code or barcode, or a category&apos;s name</source>
        <translation>货号或条码，或分类名称</translation>
    </message>
    <message>
        <source> ×</source>
        <translation> 倍</translation>
    </message>
    <message>
        <source>Add multiplier</source>
        <translation>添加倍数</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Time windows (double points on Tuesdays 14:00-17:00)</source>
        <translation>倍数时段（如每周二 14:00-17:00 双倍积分）</translation>
    </message>
    <message>
        <source>Mon</source>
        <translation>一</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>二</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>三</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>四</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>五</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>六</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>日</translation>
    </message>
    <message>
        <source>Add window</source>
        <translation>添加时段</translation>
    </message>
    <message>
        <source>No product or category is &quot;%1&quot;.</source>
        <translation>没有叫“%1”的商品或分类。</translation>
    </message>
    <message>
        <source>%1 earns %2 × points.</source>
        <translation>%1 享 %2 倍积分。</translation>
    </message>
    <message>
        <source>Multiplier removed.</source>
        <translation>积分倍数已删除。</translation>
    </message>
    <message>
        <source>Time window added.</source>
        <translation>时段已添加。</translation>
    </message>
    <message>
        <source>Time window removed.</source>
        <translation>时段已删除。</translation>
    </message>
    <message>
        <source>Category %1</source>
        <translation>分类 %1</translation>
    </message>
    <message>
        <source>%1 ×</source>
        <translation>%1 倍</translation>
    </message>
    <message>
        <source>every day</source>
        <translation>每天</translation>
    </message>
    <message>
        <source>Give the amounts in yuan, such as 10 or 0.50.</source>
        <translation>请以元为单位填写金额，如 10 或 0.50。</translation>
    </message>
    <message>
        <source>Points rules saved.</source>
        <translation>积分规则已保存。</translation>
    </message>
</context>
<context>
    <name>huike::ui::PrintQueueDialog</name>
    <message>
        <source>Reprint</source>
        <translation>重印</translation>
    </message>
    <message>
        <source>Test page</source>
        <translation>测试页</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>小票</translation>
    </message>
    <message>
        <source>Print queue</source>
        <translation>打印队列</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Tries</source>
        <translation>尝试次数</translation>
    </message>
    <message>
        <source>Why not</source>
        <translation>未打印原因</translation>
    </message>
    <message>
        <source>Print again</source>
        <translation>重打</translation>
    </message>
    <message>
        <source>Give up</source>
        <translation>放弃</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>No receipt printer is set up: a manager sets one in Settings, Devices.</source>
        <translation>未设置小票打印机：请店长在 设置 → 设备 中设置。</translation>
    </message>
    <message>
        <source>printed %1</source>
        <translation>已打印 %1</translation>
    </message>
    <message>
        <source>given up</source>
        <translation>已放弃</translation>
    </message>
    <message>
        <source>waiting, tried again</source>
        <translation>等待中，已重试</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>等待中</translation>
    </message>
    <message>
        <source>not printed: press Print again</source>
        <translation>未打印：请按“重打”</translation>
    </message>
    <message>
        <source>Give up printing this receipt? The sale stays recorded; it can be printed again from Receipts (F10).</source>
        <translation>放弃打印这张小票？销售记录保留，可在 小票 (F10) 中再次打印。</translation>
    </message>
</context>
<context>
    <name>huike::ui::ProductEditDialog</name>
    <message>
        <source>Edit product</source>
        <translation>编辑商品</translation>
    </message>
    <message>
        <source>New product</source>
        <translation>新增商品</translation>
    </message>
    <message>
        <source>Stock</source>
        <translation>库存</translation>
    </message>
    <message>
        <source>Opening stock</source>
        <translation>期初库存</translation>
    </message>
    <message>
        <source>Save (Ctrl+S)</source>
        <translation>保存(Ctrl+S)</translation>
    </message>
    <message>
        <source>Enter the retail price in yuan, such as 12.50.</source>
        <translation>请输入售价（元），例如 12.50。</translation>
    </message>
    <message>
        <source>Enter the cost in yuan, or leave it empty.</source>
        <translation>请输入进价（元），也可以留空。</translation>
    </message>
    <message>
        <source>Enter the opening stock as a number.</source>
        <translation>期初库存请输入数字。</translation>
    </message>
</context>
<context>
    <name>huike::ui::ProductModel</name>
    <message>
        <source>PLU %1</source>
        <translation>PLU %1</translation>
    </message>
    <message>
        <source>on sale</source>
        <translation>在售</translation>
    </message>
    <message>
        <source>deactivated</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>货号</translation>
    </message>
    <message>
        <source>Barcode</source>
        <translation>条码</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Pinyin</source>
        <translation>拼音码</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>分类</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>售价</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>进价</translation>
    </message>
    <message>
        <source>Stock</source>
        <translation>库存</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>huike::ui::ProductPicker</name>
    <message>
        <source>Find a product</source>
        <translation>查找商品</translation>
    </message>
    <message>
        <source>Name, pinyin initials (e.g. kkkl) or code</source>
        <translation>名称、拼音码（如 kkkl）或货号</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>货号</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>售价</translation>
    </message>
    <message>
        <source>Stock</source>
        <translation>库存</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>分类</translation>
    </message>
    <message>
        <source>Up/Down to choose, Enter to add, Esc to go back</source>
        <translation>↑/↓ 选择，Enter 加入，Esc 返回</translation>
    </message>
</context>
<context>
    <name>huike::ui::ProductsWidget</name>
    <message>
        <source>Show deactivated</source>
        <translation>显示已停用</translation>
    </message>
    <message>
        <source>Search by name, pinyin initials, code or barcode</source>
        <translation>按名称、拼音码、货号或条码搜索</translation>
    </message>
    <message>
        <source>New product</source>
        <translation>新增商品</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <source>Deactivate / activate</source>
        <translation>停用 / 启用</translation>
    </message>
    <message>
        <source>Adjust stock</source>
        <translation>调整库存</translation>
    </message>
    <message>
        <source>Import CSV</source>
        <translation>导入 CSV</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>导出 CSV</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>全部分类</translation>
    </message>
    <message>
        <source>%1 products</source>
        <translation>共 %1 个商品</translation>
    </message>
    <message>
        <source>Edit product</source>
        <translation>编辑商品</translation>
    </message>
    <message>
        <source>Stop selling %1? It stays in the records and can be activated again.</source>
        <translation>确定停用 %1 吗？商品资料会保留，以后可以重新启用。</translation>
    </message>
    <message>
        <source>Sell %1 again?</source>
        <translation>确定重新启用 %1 吗？</translation>
    </message>
    <message>
        <source>Products</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>%1: stock is %2. Counted stock now:</source>
        <translation>%1：当前库存为 %2。请输入盘点后的实际库存：</translation>
    </message>
    <message>
        <source>Enter the counted quantity as a number.</source>
        <translation>请输入数字形式的盘点数量。</translation>
    </message>
    <message>
        <source>Reason (stocktake, damage, delivery...):</source>
        <translation>原因（盘点、报损、到货等）：</translation>
    </message>
    <message>
        <source>Stocktake</source>
        <translation>盘点</translation>
    </message>
    <message>
        <source>Cannot read %1.</source>
        <translation>无法读取 %1。</translation>
    </message>
    <message>
        <source>%1 added, %2 updated, %3 rejected (file read as %4).</source>
        <translation>新增 %1 个，更新 %2 个，拒绝 %3 个（文件按 %4 编码读取）。</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Import products</source>
        <translation>导入商品</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV 文件 (*.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Export products</source>
        <translation>导出商品</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>已保存 %1。</translation>
    </message>
</context>
<context>
    <name>huike::ui::ProgrammeDialog</name>
    <message>
        <source>Member programme</source>
        <translation>会员方案</translation>
    </message>
    <message>
        <source>Levels</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>积分</translation>
    </message>
    <message>
        <source>Stored value</source>
        <translation>储值</translation>
    </message>
    <message>
        <source>Count cards</source>
        <translation>计次卡</translation>
    </message>
    <message>
        <source>Coupons</source>
        <translation>优惠券</translation>
    </message>
    <message>
        <source>Gifts for points</source>
        <translation>积分礼品</translation>
    </message>
    <message>
        <source>Custom fields</source>
        <translation>自定义字段</translation>
    </message>
</context>
<context>
    <name>huike::ui::ReceiptDialog</name>
    <message>
        <source>Receipts</source>
        <translation>小票/单据</translation>
    </message>
    <message>
        <source>58 mm paper (32 columns)</source>
        <translation>58 mm 纸（32 列）</translation>
    </message>
    <message>
        <source>80 mm paper (48 columns)</source>
        <translation>80 mm 纸（48 列）</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Receipt number, or today&apos;s last digits; Enter</source>
        <translation>小票号，或今天小票号的末几位，回车</translation>
    </message>
    <message>
        <source>any day</source>
        <translation>不限日期</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>total, e.g. 52.90</source>
        <translation>金额，如 52.90</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>phone digits or name</source>
        <translation>手机号（部分）或姓名</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>会员</translation>
    </message>
    <message>
        <source>all tenders</source>
        <translation>全部支付方式</translation>
    </message>
    <message>
        <source>Tender</source>
        <translation>支付方式</translation>
    </message>
    <message>
        <source>void</source>
        <translation>作废</translation>
    </message>
    <message>
        <source>refund</source>
        <translation>退货</translation>
    </message>
    <message>
        <source>No receipt matches.</source>
        <translation>没有符合条件的小票。</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <source>%1 sent to the printer.</source>
        <translation>%1 已送打印机。</translation>
    </message>
</context>
<context>
    <name>huike::ui::RechargeDialog</name>
    <message>
        <source>Recharge stored value</source>
        <translation>储值充值</translation>
    </message>
    <message>
        <source>%1  %2
Stored value %3 (bonus %4)</source>
        <translation>%1  %2
储值余额 %3（其中赠送 %4）</translation>
    </message>
    <message>
        <source>Recharge %1, bonus %2</source>
        <translation>充%1送%2</translation>
    </message>
    <message>
        <source>amount in yuan</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>充值金额</translation>
    </message>
    <message>
        <source>Payment reference</source>
        <translation>支付凭证号</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Recharge</source>
        <translation>确认充值</translation>
    </message>
    <message>
        <source>scan the customer&apos;s payment code or type the transaction number</source>
        <translation>扫顾客付款码或输入交易单号</translation>
    </message>
    <message>
        <source>slip number (optional)</source>
        <translation>签购单号（可不填）</translation>
    </message>
    <message>
        <source>Type the amount, or pick a tier (Ctrl+1 ...).</source>
        <translation>输入金额，或选择充值档位（Ctrl+1 …）。</translation>
    </message>
    <message>
        <source>Pay %1 by %2 · stored value after %3</source>
        <translation>%2 实收 %1 · 充值后储值 %3</translation>
    </message>
    <message>
        <source>Pay %1 by %2 · bonus %3 · stored value after %4</source>
        <translation>%2 实收 %1 · 赠送 %3 · 充值后储值 %4</translation>
    </message>
    <message>
        <source>Enter an amount in yuan, such as 500.</source>
        <translation>请输入金额（元），例如 500。</translation>
    </message>
    <message>
        <source>No shift is open on this till: log in again to open one.</source>
        <translation>本收银台没有开班：请重新登录开班。</translation>
    </message>
    <message>
        <source>A recharge of %1 is above %2: a manager must approve (大额充值授权).</source>
        <translation>充值 %1 超过 %2：需要店长授权（大额充值授权）。</translation>
    </message>
    <message>
        <source>Not recorded: %1</source>
        <translation>未记录：%1</translation>
    </message>
</context>
<context>
    <name>huike::ui::RechargePage</name>
    <message>
        <source>Recharge at least (¥)</source>
        <translation>充值满 (¥)</translation>
    </message>
    <message>
        <source>Bonus (¥)</source>
        <translation>赠送 (¥)</translation>
    </message>
    <message>
        <source>The highest tier a recharge reaches gives its bonus, once (充1000 gets 送120, not 送50 twice).</source>
        <translation>充值按达到的最高一档赠送一次（充1000送120，而不是送两次50）。</translation>
    </message>
    <message>
        <source>A recharge above this needs a manager (¥)</source>
        <translation>单笔充值超过此额需店长授权 (¥)</translation>
    </message>
    <message>
        <source>Add tier</source>
        <translation>添加档位</translation>
    </message>
    <message>
        <source>Remove tier</source>
        <translation>删除档位</translation>
    </message>
    <message>
        <source>Save recharge rules</source>
        <translation>保存储值规则</translation>
    </message>
    <message>
        <source>Row %1: give both amounts in yuan, such as 500 and 50.</source>
        <translation>第 %1 行：请以元填写两个金额，如 500 和 50。</translation>
    </message>
    <message>
        <source>Give the approval limit in yuan, such as 5000.</source>
        <translation>请以元填写授权额度，如 5000。</translation>
    </message>
    <message>
        <source>Recharge rules saved.</source>
        <translation>储值规则已保存。</translation>
    </message>
</context>
<context>
    <name>huike::ui::RefundDialog</name>
    <message>
        <source>Refund</source>
        <translation>退货</translation>
    </message>
    <message>
        <source>Scan or type the receipt number, then Enter</source>
        <translation>扫描或输入小票单号，然后按 Enter</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>单号</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Sold</source>
        <translation>已售</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>已退</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>实付</translation>
    </message>
    <message>
        <source>Return now</source>
        <translation>本次退货</translation>
    </message>
    <message>
        <source>Customer changed their mind</source>
        <translation>顾客不想要了</translation>
    </message>
    <message>
        <source>Quality problem</source>
        <translation>质量问题</translation>
    </message>
    <message>
        <source>Wrong item or size</source>
        <translation>商品或规格不对</translation>
    </message>
    <message>
        <source>Past its date</source>
        <translation>商品过期</translation>
    </message>
    <message>
        <source>Rung up by mistake</source>
        <translation>收银录入错误</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>To refund: %1 (%2 lines)</source>
        <translation>应退：%1（%2 行）</translation>
    </message>
    <message>
        <source>Choose at least one line to refund.</source>
        <translation>请至少选择一行要退的商品。</translation>
    </message>
    <message>
        <source>Give a reason for the refund.</source>
        <translation>请填写退货原因。</translation>
    </message>
    <message>
        <source>Refund %1 on receipt %2: a manager must approve.</source>
        <translation>小票 %2 退款 %1：需要店长授权。</translation>
    </message>
    <message>
        <source>No shift is open on this till: open one (log in again) before refunding.</source>
        <translation>本收银台尚未开班，请先开班（重新登录）再办理退货。</translation>
    </message>
    <message>
        <source>Back the way it was paid (原路退回)</source>
        <translation>原路退回</translation>
    </message>
    <message>
        <source>All in cash from the drawer</source>
        <translation>全部退现金（从钱箱）</translation>
    </message>
    <message>
        <source>F5  Pay back</source>
        <translation>F5  退款方式</translation>
    </message>
    <message>
        <source>from the drawer</source>
        <translation>从钱箱退</translation>
    </message>
    <message>
        <source>refund it in the %1 merchant app or terminal</source>
        <translation>在%1商户端或刷卡终端退款</translation>
    </message>
    <message>
        <source>%1 %2 (%3)</source>
        <translation>%1 %2（%3）</translation>
    </message>
    <message>
        <source>Pay back: %1</source>
        <translation>退款去向：%1</translation>
    </message>
    <message>
        <source>Recharge for %1 (bonus left %2)</source>
        <translation>%1 的充值（赠送余额 %2）</translation>
    </message>
    <message>
        <source>To refund: %1 (the recharge&apos;s unspent principal)</source>
        <translation>应退：%1（该笔充值未用完的本金）</translation>
    </message>
    <message>
        <source>The bonus left, %1, is taken back.</source>
        <translation>剩余赠送金额 %1 一并收回。</translation>
    </message>
    <message>
        <source>Refund recharge %1, paying back %2: a manager must approve.</source>
        <translation>退充值 %1，退还 %2：需经理授权。</translation>
    </message>
</context>
<context>
    <name>huike::ui::RegisterMemberDialog</name>
    <message>
        <source>Agrees to receive offers by SMS</source>
        <translation>同意接收短信优惠信息</translation>
    </message>
    <message>
        <source>Register a member</source>
        <translation>登记会员</translation>
    </message>
    <message>
        <source>1990-05-20, or 05-20</source>
        <translation>1990-05-20，或 05-20</translation>
    </message>
    <message>
        <source>Scan or type; empty: the phone is the card</source>
        <translation>刷卡或输入；留空则以手机号为卡号</translation>
    </message>
    <message>
        <source>Not given</source>
        <translation>未填写</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>女</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>男</translation>
    </message>
    <message>
        <source>Mobile (required)</source>
        <translation>手机号（必填）</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <source>Card number</source>
        <translation>卡号</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>登记</translation>
    </message>
</context>
<context>
    <name>huike::ui::SegmentSettingsDialog</name>
    <message>
        <source>Customer analysis settings</source>
        <translation>会员分析设置</translation>
    </message>
    <message>
        <source>High-value customers</source>
        <translation>高价值顾客</translation>
    </message>
    <message>
        <source>The top share of buyers by net spend</source>
        <translation>按净消费排名前</translation>
    </message>
    <message>
        <source>RFM classes</source>
        <translation>RFM 分类</translation>
    </message>
    <message>
        <source>the means of the values (days, orders, net spend)</source>
        <translation>各项数值的平均值（天数、单数、净消费）</translation>
    </message>
    <message>
        <source>the means of the 1-5 scores</source>
        <translation>1–5 分评分的平均值</translation>
    </message>
    <message>
        <source>fixed thresholds</source>
        <translation>固定标准</translation>
    </message>
    <message>
        <source>Near and high are judged against</source>
        <translation>近/远、高/低的判断依据</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>Recent: last purchase within</source>
        <translation>近：最近一次购买在</translation>
    </message>
    <message>
        <source> orders</source>
        <translation> 单</translation>
    </message>
    <message>
        <source>Frequent: at least</source>
        <translation>高频：至少</translation>
    </message>
    <message>
        <source>Big spender: net spend of at least ¥</source>
        <translation>高消费：净消费至少 ¥</translation>
    </message>
    <message>
        <source>Lifecycle (days since the last purchase)</source>
        <translation>生命周期（距最近一次购买的天数）</translation>
    </message>
    <message>
        <source>活跃 up to</source>
        <translation>活跃：不超过</translation>
    </message>
    <message>
        <source>沉默 up to</source>
        <translation>沉默：不超过</translation>
    </message>
    <message>
        <source>睡眠 up to (beyond: 流失)</source>
        <translation>睡眠：不超过（更久为流失）</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Defaults</source>
        <translation>恢复默认</translation>
    </message>
    <message>
        <source>The big spender&apos;s net spend is an amount in yuan, such as 500.</source>
        <translation>高消费的净消费请填写金额（元），例如 500。</translation>
    </message>
</context>
<context>
    <name>huike::ui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>No rounding</source>
        <translation>不抹零</translation>
    </message>
    <message>
        <source>Drop the fen (round down to 0.1 yuan)</source>
        <translation>抹分（舍到 0.1 元）</translation>
    </message>
    <message>
        <source>Drop fen and jiao (round down to the yuan)</source>
        <translation>抹角和分（舍到元）</translation>
    </message>
    <message>
        <source>Rounding of the amount due (抹零)</source>
        <translation>应收金额抹零</translation>
    </message>
    <message>
        <source>Deepest discount a cashier may give alone (折)</source>
        <translation>收银员可自行给出的最低折扣（折）</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> 毫秒</translation>
    </message>
    <message>
        <source>Scanner: longest pause between keys</source>
        <translation>扫码枪：按键最长间隔</translation>
    </message>
    <message>
        <source>Checkout</source>
        <translation>收银</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <source>New operator</source>
        <translation>新增操作员</translation>
    </message>
    <message>
        <source>Operators</source>
        <translation>操作员</translation>
    </message>
    <message>
        <source>locked</source>
        <translation>已锁定</translation>
    </message>
    <message>
        <source>active</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>Store code</source>
        <translation>门店编号</translation>
    </message>
    <message>
        <source>Store name</source>
        <translation>门店名称</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Telephone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Receipt footer</source>
        <translation>小票页脚</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>门店</translation>
    </message>
    <message>
        <source> kg</source>
        <translation> 公斤</translation>
    </message>
    <message>
        <source>Scale labels: heaviest weight the scales weigh</source>
        <translation>秤码：秤的最大称量</translation>
    </message>
    <message>
        <source>never ask</source>
        <translation>从不询问</translation>
    </message>
    <message>
        <source>Ask before selling more than this many of one item</source>
        <translation>单个商品超过此数量时先询问</translation>
    </message>
    <message>
        <source>Edit / deactivate</source>
        <translation>修改 / 停用</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>设备</translation>
    </message>
</context>
<context>
    <name>huike::ui::SetupDialog</name>
    <message>
        <source>Set up the store</source>
        <translation>开店设置</translation>
    </message>
    <message>
        <source>This is the first start on %1. Tell Huike about the shop and its administrator, who then adds cashiers, goods and settings.</source>
        <translation>这是 %1 的首次启动。请填写门店和管理员信息，之后由管理员添加收银员、商品和设置。</translation>
    </message>
    <message>
        <source>Store name</source>
        <translation>门店名称</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Telephone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Administrator&apos;s code</source>
        <translation>管理员工号</translation>
    </message>
    <message>
        <source>Administrator&apos;s name</source>
        <translation>管理员姓名</translation>
    </message>
    <message>
        <source>Administrator&apos;s PIN (4 to 12)</source>
        <translation>管理员密码（4 到 12 位）</translation>
    </message>
    <message>
        <source>PIN again</source>
        <translation>再次输入密码</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>Create the store</source>
        <translation>创建门店</translation>
    </message>
    <message>
        <source>The two PINs differ: type the administrator&apos;s PIN twice, the same.</source>
        <translation>两次输入的密码不一致，请重新输入。</translation>
    </message>
    <message>
        <source>Creating the store...</source>
        <translation>正在创建门店……</translation>
    </message>
    <message>
        <source>Add demo data</source>
        <translation>添加演示数据</translation>
    </message>
    <message>
        <source>For trying Huike out: sample goods, members, months of sales and demo cashiers whose PINs are published (1001/1234, 8001/8888). Not for a shop&apos;s real file.</source>
        <translation>用于试用汇客：示例商品、会员、几个月的销售记录，以及密码公开的演示收银员（1001/1234、8001/8888）。请勿用于门店的正式数据。</translation>
    </message>
</context>
<context>
    <name>huike::ui::TenderDialog</name>
    <message>
        <source>Payment reference</source>
        <translation>支付凭证号</translation>
    </message>
    <message>
        <source>Take payment</source>
        <translation>收款</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Tender</source>
        <translation>支付方式</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>凭证号</translation>
    </message>
    <message>
        <source>slip number (optional)</source>
        <translation>签购单号（可选）</translation>
    </message>
    <message>
        <source>scan the customer&apos;s payment code or type the transaction number</source>
        <translation>扫描顾客付款码或输入交易单号</translation>
    </message>
    <message>
        <source>Due %1</source>
        <translation>应收 %1</translation>
    </message>
    <message>
        <source>Paid %1   Still due %2</source>
        <translation>已收 %1   还差 %2</translation>
    </message>
    <message>
        <source>Enter an amount in yuan, such as 50 or 12.50.</source>
        <translation>请输入金额（元），例如 50 或 12.50。</translation>
    </message>
    <message>
        <source>%1 cannot be more than what is still due (%2): no change is given on it.</source>
        <translation>%1 金额不能超过尚需支付的 %2：该支付方式不能找零。</translation>
    </message>
    <message>
        <source>Change of %1 is more than %2: check the cash amount (was a barcode scanned into it?).</source>
        <translation>找零 %1 超过 %2，请核对现金金额（是否把条码扫进了金额栏？）。</translation>
    </message>
    <message>
        <source>Give a payment back</source>
        <translation>退回款项</translation>
    </message>
    <message>
        <source>Back to the cart (payments are kept)</source>
        <translation>返回购物车（已收款项保留）</translation>
    </message>
    <message>
        <source>%1 amount</source>
        <translation>%1金额</translation>
    </message>
    <message>
        <source>Paid %1</source>
        <translation>已收 %1</translation>
    </message>
    <message>
        <source>Change %1</source>
        <translation>找零 %1</translation>
    </message>
    <message>
        <source>Finish sale</source>
        <translation>完成结账</translation>
    </message>
    <message>
        <source>%1. Give a payment back (Del).</source>
        <translation>%1 请退回一笔款项（Del）。</translation>
    </message>
    <message>
        <source>Payment not recorded: %1</source>
        <translation>款项未能记录：%1</translation>
    </message>
    <message>
        <source>%1 %2 (reference %3)</source>
        <translation>%1 %2（流水号 %3）</translation>
    </message>
    <message>
        <source>Refund it to the customer in the %1 merchant app or terminal first.</source>
        <translation>请先在%1商户端或刷卡终端把钱退给顾客。</translation>
    </message>
    <message>
        <source>Hand the cash back to the customer.</source>
        <translation>请把现金还给顾客。</translation>
    </message>
    <message>
        <source>Give back %1?
%2
Reason (required):</source>
        <translation>退回 %1？
%2
原因（必填）：</translation>
    </message>
    <message>
        <source>Giving back %1 needs a manager.</source>
        <translation>退回 %1 需要店长授权。</translation>
    </message>
    <message>
        <source>%1 given back.</source>
        <translation>已退回 %1。</translation>
    </message>
    <message>
        <source>%1 to use (has %2)</source>
        <translation>使用%1（可用 %2）</translation>
    </message>
    <message>
        <source>Enter how many points, a whole number.</source>
        <translation>请输入积分数量（整数）。</translation>
    </message>
    <message>
        <source>At most %1 points here: the member has %2, points pay at most %3 of a sale and %4 is still due.</source>
        <translation>此处最多可用 %1 积分：会员有 %2 积分，积分最多抵扣每单的 %3，尚欠 %4。</translation>
    </message>
    <message>
        <source>Points are paid from a member&apos;s balance: attach the member first (Ctrl+M).</source>
        <translation>积分从会员账户扣除：请先关联会员（Ctrl+M）。</translation>
    </message>
    <message>
        <source>%1 points</source>
        <translation>%1 积分</translation>
    </message>
    <message>
        <source>%1 amount (balance %2)</source>
        <translation>%1金额（余额 %2）</translation>
    </message>
    <message>
        <source>Insufficient balance: the member&apos;s stored value is %1 (%2 of it taken for this sale).</source>
        <translation>余额不足：会员储值 %1（本单已用 %2）。</translation>
    </message>
    <message>
        <source>The member&apos;s balance is untouched: nothing is taken from it before the sale.</source>
        <translation>会员余额不受影响：结账前不会扣除。</translation>
    </message>
    <message>
        <source>Member PIN</source>
        <translation>会员密码</translation>
    </message>
    <message>
        <source>The member pays with stored value: ask them to type their PIN.</source>
        <translation>会员使用储值支付：请会员输入支付密码。</translation>
    </message>
    <message>
        <source>Stored value is the member&apos;s: attach the member first (Ctrl+M).</source>
        <translation>储值属于会员：请先关联会员（Ctrl+M）。</translation>
    </message>
    <message>
        <source>Count card</source>
        <translation>计次卡</translation>
    </message>
    <message>
        <source>Count cards are the member&apos;s: attach the member first (Ctrl+M).</source>
        <translation>计次卡属于会员：请先关联会员（Ctrl+M）。</translation>
    </message>
    <message>
        <source>The member has no count card that can be used today.</source>
        <translation>该会员今天没有可用的计次卡。</translation>
    </message>
    <message>
        <source>%1 x%2</source>
        <translation>%1 ×%2</translation>
    </message>
    <message>
        <source>None of the member&apos;s count cards covers anything in this cart.</source>
        <translation>该会员的计次卡都抵扣不了本单的商品。</translation>
    </message>
    <message>
        <source>Count card used: %1</source>
        <translation>已用计次卡：%1</translation>
    </message>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <source>The count cards already cover all they can in this cart.</source>
        <translation>计次卡已抵扣本单中能抵扣的全部项目。</translation>
    </message>
</context>
</TS>
