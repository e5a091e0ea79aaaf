// SPDX-License-Identifier: GPL-3.0-or-later
#include "bench/thread_content.h"

#include <QStringList>

namespace threadline::bench {
namespace {

QStringList utf8List(std::initializer_list<const char *> texts)
{
    QStringList out;
    for (const char *t : texts)
        out.append(QString::fromUtf8(t));
    return out;
}

const QStringList &phrases(Language lang)
{
    static const QStringList fa = utf8List({
        "سلام، سفارشم هنوز نرسیده. لطفاً پیگیری کنید.",
        "ممنون از پاسخ سریع‌تان، مشکل حل شد.",
        "کد رهگیری مرسوله را برایم پیامک کنید لطفاً.",
        "می‌خواهم آدرس تحویل را به تهران، خیابان ولیعصر، پلاک ۱۲۴ تغییر "
        "دهم.",
        "کالا آسیب‌دیده به دستم رسید؛ چطور مرجوعش کنم؟",
        "مبلغ دو بار از کارتم کسر شده است و هنوز برگشت داده نشده.",
        "آیا امکان تحویل فوری در روز جمعه وجود دارد؟",
        "شماره سفارش من %ORDER% است و فاکتور را هم پیوست "
        "کرده‌ام.",
        "رنگ و اندازه‌ای که دریافت کردم با سفارشم فرق "
        "دارد.",
        "همکار شما دیروز تماس گرفت ولی قطع شد؛ لطفاً دوباره تماس بگیرید.",
    });
    static const QStringList ar = utf8List({
        "مرحباً، لم يصل طلبي حتى الآن. أرجو المتابعة.",
        "شكراً على الرد السريع، تم حل المشكلة.",
        "هل يمكنكم إرسال رقم تتبع الشحنة برسالة نصية؟",
        "أريد تغيير عنوان التوصيل إلى الرياض، حي العليا، شارع التحلية.",
        "وصل المنتج تالفاً، كيف يمكنني إرجاعه واسترداد المبلغ؟",
        "تم خصم المبلغ مرتين من بطاقتي الائتمانية.",
        "رقم طلبي هو %ORDER% وأرفقت صورة الفاتورة.",
        "هل يتوفر التوصيل في نفس اليوم يوم الجمعة؟",
        "المقاس الذي استلمته يختلف عن المقاس الذي طلبته.",
    });
    static const QStringList en = utf8List({
        "Hi, my order still hasn't arrived. Could you check on it?",
        "Thanks for the quick reply, that fixed it.",
        "Can you text me the tracking number please?",
        "I'd like to change the delivery address to 221B Baker Street, London NW1 6XE.",
        "The parcel arrived damaged; how do I send it back and get a refund?",
        "I was charged twice for the same order and the second charge is still pending.",
        "My order number is %ORDER%, the invoice is attached.",
        "We have issued a refund; it should appear on your statement within five business days.",
        "The size I received is not the one I ordered, could you swap it?",
        "Your colleague called yesterday but the line dropped; please call me back after 5 pm.",
    });
    switch (lang) {
    case Language::Persian:
        return fa;
    case Language::Arabic:
        return ar;
    case Language::English:
        break;
    }
    return en;
}

const QStringList &names(Language lang)
{
    static const QStringList fa = utf8List(
        {"مریم احمدی", "علی رضایی", "زهرا کریمی", "حسین محمدی", "نگار صادقی", "رضا حسینی"});
    static const QStringList ar =
        utf8List({"فاطمة الزهراء", "محمد العتيبي", "نورة القحطاني", "خالد الشمري", "ليلى حداد"});
    static const QStringList en = utf8List({"Sarah Collins", "James Walker", "Priya Patel",
                                            "Tom O'Brien", "Emma Schmidt", "Daniel Kim"});
    switch (lang) {
    case Language::Persian:
        return fa;
    case Language::Arabic:
        return ar;
    case Language::English:
        break;
    }
    return en;
}

QString subjectFor(Language lang, const QString &order)
{
    switch (lang) {
    case Language::Persian:
        return QString::fromUtf8("پیگیری سفارش ") + order;
    case Language::Arabic:
        return QString::fromUtf8("متابعة الطلب ") + order;
    case Language::English:
        break;
    }
    return QStringLiteral("Re: order ") + order + QStringLiteral(" — delivery and refund");
}

const QStringList kAgents = {QStringLiteral("agent"), QStringLiteral("supervisor")};

} // namespace

ThreadContent::ThreadContent(quint32 seed) : m_engine(seed) {}

int ThreadContent::pick(int n)
{
    return std::uniform_int_distribution<int>(0, n - 1)(m_engine);
}

Language ThreadContent::languageOf(qint64 customerId)
{
    const qint64 r = customerId % 20;
    return r < 8 ? Language::Persian : r < 13 ? Language::Arabic : Language::English;
}

QString ThreadContent::orderNumber()
{
    return QStringLiteral("TL-") +
           QString::number(std::uniform_int_distribution<int>(100000, 999999)(m_engine));
}

QString ThreadContent::sentences(Language lang, int count)
{
    const QStringList &pool = phrases(lang);
    QString out;
    for (int i = 0; i < count; ++i) {
        if (i > 0)
            out += QLatin1Char(' ');
        out += pool.at(pick(int(pool.size())));
    }
    return out.replace(QLatin1String("%ORDER%"), orderNumber());
}

models::Customer ThreadContent::customer(qint64 id, qint64 lastAt)
{
    const Language lang = languageOf(id);
    const QStringList &pool = names(lang);
    models::Customer c;
    c.id = id;
    c.name = pool.at(id % pool.size()) + QStringLiteral(" ") + QString::number(id);
    c.identities = {
        {QStringLiteral("phone"), QStringLiteral("+98912%1").arg(id, 7, 10, QLatin1Char('0'))},
        {QStringLiteral("email"), QStringLiteral("customer%1@example.com").arg(id)}};
    if (id % 3 == 0)
        c.identities.append({QStringLiteral("chat"), QStringLiteral("visitor-%1").arg(id)});
    c.status = id % 5 == 0 ? QStringLiteral("resolved") : QStringLiteral("open");
    c.assignee = id % 2 == 0 ? QStringLiteral("agent") : QString();
    c.lastAt = lastAt;
    return c;
}

models::Message ThreadContent::item(qint64 id, qint64 customerId, qint64 at)
{
    const int roll = pick(100);
    if (roll >= 30 + 22 && roll < 30 + 22 + 20)
        return longEmail(id, customerId, at);

    const Language lang = languageOf(customerId);
    models::Message m;
    m.id = id;
    m.customerId = customerId;
    m.at = at;
    const bool inbound = pick(100) < 60;
    m.direction = inbound ? QStringLiteral("in") : QStringLiteral("out");
    m.author = inbound ? names(lang).at(customerId % names(lang).size()) : kAgents.at(pick(2));
    if (roll < 30) {
        m.channel = QStringLiteral("chat");
        m.identity = QStringLiteral("visitor-%1").arg(customerId);
        m.body = sentences(lang, 1 + pick(3));
    } else if (roll < 52) {
        m.channel = QStringLiteral("sms");
        m.identity = QStringLiteral("+98912%1").arg(customerId, 7, 10, QLatin1Char('0'));
        m.body = sentences(lang, 1 + pick(2));
    } else if (roll < 82) {
        m.channel = QStringLiteral("phone");
        m.identity = QStringLiteral("+98912%1").arg(customerId, 7, 10, QLatin1Char('0'));
        m.body = sentences(lang, 1 + pick(2));
        m.meta = {{QStringLiteral("duration_s"), 20 + pick(900)},
                  {QStringLiteral("disposition"), QStringLiteral("resolved")}};
    } else if (roll < 91) {
        m.channel = QStringLiteral("note");
        m.direction = QStringLiteral("internal");
        m.author = kAgents.at(pick(2));
        m.body = sentences(pick(2) ? lang : Language::English, 1 + pick(2));
    } else {
        m.channel = QStringLiteral("order");
        m.direction = QStringLiteral("internal");
        m.author.clear();
        m.meta = {{QStringLiteral("number"), orderNumber()},
                  {QStringLiteral("status"),
                   QStringList{QStringLiteral("paid"), QStringLiteral("shipped"),
                               QStringLiteral("delivered"), QStringLiteral("refunded")}
                       .at(pick(4))}};
        m.body = pick(2) ? sentences(lang, 1) : QString();
    }
    return m;
}

models::Message ThreadContent::longEmail(qint64 id, qint64 customerId, qint64 at)
{
    const Language lang = languageOf(customerId);
    models::Message m;
    m.id = id;
    m.customerId = customerId;
    m.at = at;
    m.channel = QStringLiteral("email");
    const bool inbound = pick(100) < 60;
    m.direction = inbound ? QStringLiteral("in") : QStringLiteral("out");
    m.author = inbound ? names(lang).at(customerId % names(lang).size()) : kAgents.at(pick(2));
    m.identity = QStringLiteral("customer%1@example.com").arg(customerId);
    m.subject = subjectFor(lang, orderNumber());
    QStringList paragraphs;
    const int count = 3 + pick(4);
    for (int i = 0; i < count; ++i)
        paragraphs.append(sentences(lang, 2 + pick(3)));
    m.body = paragraphs.join(QStringLiteral("\n\n"));
    m.quoted = QStringLiteral("> ") + sentences(lang, 3 + pick(4)) + QStringLiteral("\n> ") +
               sentences(lang, 2);
    return m;
}

void noteItem(models::Customer &c, const models::Message &m)
{
    if (m.at >= c.lastAt) {
        c.lastAt = m.at;
        c.lastChannel = m.channel;
        c.lastDirection = m.direction;
        QString text = m.body.isEmpty() ? m.subject : m.body;
        c.lastPreview = text.replace(QLatin1Char('\n'), QLatin1Char(' ')).left(140);
    }
    c.itemCount += 1;
    if (m.direction == QLatin1String("in"))
        c.unread += 1;
}

} // namespace threadline::bench
