<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
<context>
    <name>CallDisposition</name>
    <message>
        <source>resolved</source>
        <translation>تم الحل</translation>
    </message>
    <message>
        <source>callback promised</source>
        <translation>وُعد بمعاودة الاتصال</translation>
    </message>
    <message>
        <source>escalated</source>
        <translation>تم التصعيد</translation>
    </message>
    <message>
        <source>no answer</source>
        <translation>لم يُرد</translation>
    </message>
</context>
<context>
    <name>Channel</name>
    <message>
        <source>Chat</source>
        <translation>دردشة</translation>
    </message>
    <message>
        <source>SMS</source>
        <translation>رسالة نصية</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>بريد إلكتروني</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>مكالمة</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>ملاحظة</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>طلب</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>نشاط</translation>
    </message>
</context>
<context>
    <name>DeliveryReason</name>
    <message>
        <source>no SMS provider configured</source>
        <translation>لم يُضبط أي مزوّد للرسائل القصيرة</translation>
    </message>
    <message>
        <source>no email server configured</source>
        <translation>لم يُضبط أي خادم للبريد الإلكتروني</translation>
    </message>
    <message>
        <source>unreachable destination handset</source>
        <translation>هاتف المستلم غير متاح</translation>
    </message>
    <message>
        <source>message blocked</source>
        <translation>تم حظر الرسالة</translation>
    </message>
    <message>
        <source>unknown destination handset</source>
        <translation>رقم المستلم غير معروف</translation>
    </message>
    <message>
        <source>landline or unreachable carrier</source>
        <translation>خط أرضي أو مشغّل غير متاح</translation>
    </message>
    <message>
        <source>message filtered by the carrier</source>
        <translation>حجب المشغّل الرسالة</translation>
    </message>
    <message>
        <source>unknown error</source>
        <translation>خطأ غير معروف</translation>
    </message>
</context>
<context>
    <name>Identity</name>
    <message>
        <source>Phone</source>
        <translation>الهاتف</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>البريد الإلكتروني</translation>
    </message>
    <message>
        <source>Web chat</source>
        <translation>دردشة الموقع</translation>
    </message>
</context>
<context>
    <name>Inbox</name>
    <message>
        <source>You: %1</source>
        <translation>أنت: %1</translation>
    </message>
</context>
<context>
    <name>OrderStatus</name>
    <message>
        <source>placed</source>
        <translation>تم تسجيله</translation>
    </message>
    <message>
        <source>paid</source>
        <translation>تم الدفع</translation>
    </message>
    <message>
        <source>shipped</source>
        <translation>تم الشحن</translation>
    </message>
    <message>
        <source>delivered</source>
        <translation>تم التسليم</translation>
    </message>
    <message>
        <source>refunded</source>
        <translation>تم رد المبلغ</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>أُلغي</translation>
    </message>
    <message>
        <source>ready for pickup</source>
        <translation>جاهز للاستلام</translation>
    </message>
    <message>
        <source>picked up</source>
        <translation>تم الاستلام</translation>
    </message>
</context>
<context>
    <name>Presence</name>
    <message>
        <source>Available</source>
        <translation>متاح</translation>
    </message>
    <message>
        <source>Busy</source>
        <translation>مشغول</translation>
    </message>
    <message>
        <source>Away</source>
        <translation>غائب</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>غير متصل</translation>
    </message>
</context>
<context>
    <name>RelativeTime</name>
    <message>
        <source>just now</source>
        <translation>الآن</translation>
    </message>
    <message numerus="yes">
        <source>%1 min ago</source>
        <translation>
            <numerusform>منذ %1 دقيقة</numerusform>
            <numerusform>منذ دقيقة</numerusform>
            <numerusform>منذ دقيقتين</numerusform>
            <numerusform>منذ %1 دقائق</numerusform>
            <numerusform>منذ %1 دقيقة</numerusform>
            <numerusform>منذ %1 دقيقة</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 h ago</source>
        <translation>
            <numerusform>منذ %1 ساعة</numerusform>
            <numerusform>منذ ساعة</numerusform>
            <numerusform>منذ ساعتين</numerusform>
            <numerusform>منذ %1 ساعات</numerusform>
            <numerusform>منذ %1 ساعة</numerusform>
            <numerusform>منذ %1 ساعة</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 d ago</source>
        <translation>
            <numerusform>منذ %1 يوم</numerusform>
            <numerusform>منذ يوم</numerusform>
            <numerusform>منذ يومين</numerusform>
            <numerusform>منذ %1 أيام</numerusform>
            <numerusform>منذ %1 يومًا</numerusform>
            <numerusform>منذ %1 يوم</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Role</name>
    <message>
        <source>agent</source>
        <translation>موظف الدعم</translation>
    </message>
    <message>
        <source>supervisor</source>
        <translation>مشرف</translation>
    </message>
    <message>
        <source>store</source>
        <translation>المتجر</translation>
    </message>
</context>
<context>
    <name>Timeline</name>
    <message>
        <source>Waiting to send</source>
        <translation>بانتظار الإرسال</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>في قائمة الإرسال</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>أُرسلت</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>تم التسليم</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>تعذّر الإرسال</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>تعذّر الإرسال: %1</translation>
    </message>
    <message>
        <source>Incoming call</source>
        <translation>مكالمة واردة</translation>
    </message>
    <message>
        <source>Outgoing call</source>
        <translation>مكالمة صادرة</translation>
    </message>
    <message>
        <source>Order %1: %2</source>
        <translation>الطلب %1: %2</translation>
    </message>
    <message>
        <source>▸ quoted history hidden</source>
        <translation>◂ النص المقتبس السابق مخفي</translation>
    </message>
    <message>
        <source>▾ quoted history</source>
        <translation>▾ الرسائل المقتبسة</translation>
    </message>
    <message>
        <source>New</source>
        <translation>جديد</translation>
    </message>
    <message>
        <source>%1 returned the conversation to the queue</source>
        <translation>أعاد %1 المحادثة إلى قائمة الانتظار</translation>
    </message>
    <message>
        <source>%1 took the conversation</source>
        <translation>تولّى %1 المحادثة</translation>
    </message>
    <message>
        <source>%1 assigned the conversation to %2</source>
        <translation>أسند %1 المحادثة إلى %2</translation>
    </message>
    <message>
        <source>%1 transferred the conversation to %2</source>
        <translation>حوّل %1 المحادثة إلى %2</translation>
    </message>
    <message>
        <source>%1 snoozed the conversation until %2</source>
        <translation>أجّل %1 المحادثة حتى %2</translation>
    </message>
    <message>
        <source>%1 resolved the conversation</source>
        <translation>أنهى %1 المحادثة</translation>
    </message>
    <message>
        <source>The snooze ended; the conversation is open again</source>
        <translation>انتهى التأجيل؛ المحادثة مفتوحة من جديد</translation>
    </message>
    <message>
        <source>%1 reopened the conversation</source>
        <translation>أعاد %1 فتح المحادثة</translation>
    </message>
    <message>
        <source>Show original formatting</source>
        <translation>عرض التنسيق الأصلي</translation>
    </message>
    <message>
        <source>%1 merged %2 into this customer</source>
        <translation>دمج %1 العميل %2 في هذا العميل</translation>
    </message>
    <message>
        <source>%1 undid the merge with %2</source>
        <translation>ألغى %1 الدمج مع %2</translation>
    </message>
    <message>
        <source>%1 (needs a connection to the hub)</source>
        <comment>an attachment line while offline</comment>
        <translation>%1 (يحتاج إلى الاتصال بالخادم)</translation>
    </message>
</context>
<context>
    <name>threadline::app::Desktop</name>
    <message>
        <source>The thread did not appear within a minute; no screenshot was taken.</source>
        <translation>لم تظهر المحادثة خلال دقيقة، ولم تُلتقط صورة للشاشة.</translation>
    </message>
    <message>
        <source>The server address must start with ws:// or wss://.</source>
        <translation>يجب أن يبدأ عنوان الخادم بـ ws:// أو wss://.</translation>
    </message>
    <message>
        <source>Please enter your user name and password.</source>
        <translation>يُرجى إدخال اسم المستخدم وكلمة المرور.</translation>
    </message>
    <message>
        <source>No keychain in use: the local cache is protected by your passphrase.</source>
        <translation>لا تُستخدم سلسلة مفاتيح النظام: النسخة المحلية محمية بعبارة المرور الخاصة بك.</translation>
    </message>
    <message>
        <source>The profile folder name may only use letters, digits, &apos;-&apos;, &apos;_&apos; and &apos;.&apos;.</source>
        <translation>لا يجوز أن يحتوي اسم مجلد الملف الشخصي إلا على حروف وأرقام و«-» و«_» و«.».</translation>
    </message>
    <message>
        <source>The cache key is not available: %1</source>
        <translation>مفتاح النسخة المحلية غير متاح: %1</translation>
    </message>
    <message>
        <source>Protect the local cache</source>
        <translation>حماية النسخة المحلية</translation>
    </message>
    <message>
        <source>No system keychain is available (%1).
Choose a passphrase to encrypt this computer&apos;s copy of your conversations:</source>
        <translation>لا تتوفر سلسلة مفاتيح للنظام (%1).
اختر عبارة مرور لتشفير نسخة محادثاتك المحفوظة على هذا الحاسوب:</translation>
    </message>
    <message>
        <source>The local cache needs a keychain or a passphrase.</source>
        <translation>تحتاج النسخة المحلية إلى سلسلة مفاتيح أو عبارة مرور.</translation>
    </message>
    <message>
        <source>The passphrase does not open this computer&apos;s cache.</source>
        <translation>عبارة المرور هذه لا تفتح النسخة المحلية على هذا الحاسوب.</translation>
    </message>
    <message>
        <source>The local cache cannot be opened (%1): %2</source>
        <translation>تعذّر فتح النسخة المحلية (%1): %2</translation>
    </message>
    <message>
        <source>The local cache could not be read (%1). It was kept as %2 and a fresh copy is being rebuilt from the server.</source>
        <translation>تعذّرت قراءة النسخة المحلية (%1). حُفظت باسم %2، ويُعاد الآن بناء نسخة جديدة من الخادم.</translation>
    </message>
    <message>
        <source>Cannot reach the server at %1: %2</source>
        <translation>تعذّر الوصول إلى الخادم %1: %2</translation>
    </message>
    <message>
        <source>Threadline</source>
        <translation>ثريدلاين</translation>
    </message>
    <message>
        <source>Could not write the screenshot to %1.</source>
        <translation>تعذّر حفظ صورة الشاشة في %1.</translation>
    </message>
    <message>
        <source>This passphrase does not open the local cache. Start a fresh cache from the server? The old file is kept, not deleted.</source>
        <translation>عبارة المرور هذه لا تفتح النسخة المحلية. هل تريد إنشاء نسخة محلية جديدة من الخادم؟ سيُحتفظ بالملف القديم ولن يُحذف.</translation>
    </message>
    <message>
        <source>The cache key could not be removed: %1</source>
        <translation>تعذّر حذف مفتاح النسخة المحلية: %1</translation>
    </message>
    <message>
        <source>The server refused that (%1): %2</source>
        <translation>رفض الخادم هذا الإجراء (%1): %2</translation>
    </message>
    <message>
        <source>That page is not for your role.</source>
        <translation>هذه الصفحة ليست لدورك.</translation>
    </message>
    <message>
        <source>a customer</source>
        <translation>عميل</translation>
    </message>
    <message>
        <source>The certificate authority file %1 cannot be used (%2).</source>
        <translation>لا يمكن استخدام ملف جهة إصدار الشهادات %1 (%2).</translation>
    </message>
    <message>
        <source>This profile is already open in Threadline (process %1 on %2). Switch to that window, or start with another --profile.</source>
        <translation>هذا الملف الشخصي مفتوح بالفعل في Threadline (العملية %1 على %2). انتقل إلى تلك النافذة، أو افتح ملفًا شخصيًا آخر.</translation>
    </message>
</context>
<context>
    <name>threadline::ui::AgentTableProxy</name>
    <message>
        <source>Agent</source>
        <translation>موظف الدعم</translation>
    </message>
    <message>
        <source>Presence</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>المحادثات المفتوحة</translation>
    </message>
</context>
<context>
    <name>threadline::ui::AssignmentAlert</name>
    <message>
        <source>New conversation for you</source>
        <translation>محادثة جديدة لك</translation>
    </message>
    <message>
        <source>Your customer wrote</source>
        <translation>كتب عميلك</translation>
    </message>
    <message>
        <source>%1 is now yours.</source>
        <translation>%1 الآن من نصيبك.</translation>
    </message>
    <message>
        <source>%1 gave you the conversation with %2.</source>
        <translation>أسند %1 إليك المحادثة مع %2.</translation>
    </message>
    <message>
        <source>New message from %1.</source>
        <translation>رسالة جديدة من %1.</translation>
    </message>
    <message>
        <source>Threadline</source>
        <translation>ثريدلاين</translation>
    </message>
</context>
<context>
    <name>threadline::ui::AttachmentActions</name>
    <message>
        <source>Not connected to the hub; try again when online.</source>
        <translation>غير متصل بالخادم؛ حاول مجددًا عند الاتصال.</translation>
    </message>
    <message>
        <source>The file could not be written.</source>
        <translation>تعذّرت كتابة الملف.</translation>
    </message>
    <message>
        <source>The hub no longer has it.</source>
        <translation>لم يعد الخادم يحتفظ به.</translation>
    </message>
    <message>
        <source>The hub could not send it.</source>
        <translation>تعذّر على الخادم إرساله.</translation>
    </message>
    <message>
        <source>Save attachment</source>
        <translation>حفظ المرفق</translation>
    </message>
    <message>
        <source>Saving %1…</source>
        <translation>جارٍ حفظ %1…</translation>
    </message>
    <message>
        <source>Loading the original formatting…</source>
        <translation>جارٍ تحميل التنسيق الأصلي…</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>تم حفظ %1</translation>
    </message>
    <message>
        <source>Could not save %1: %2</source>
        <translation>تعذّر حفظ %1: %2</translation>
    </message>
    <message>
        <source>Could not show the original formatting: %1</source>
        <translation>تعذّر عرض التنسيق الأصلي: %1</translation>
    </message>
</context>
<context>
    <name>threadline::ui::CannedEditor</name>
    <message>
        <source>Edit canned response</source>
        <translation>تعديل رد جاهز</translation>
    </message>
    <message>
        <source>New canned response</source>
        <translation>رد جاهز جديد</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>العنوان</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>اللغة</translation>
    </message>
    <message>
        <source>Any language</source>
        <translation>أي لغة</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>النص</translation>
    </message>
    <message>
        <source>Placeholders, filled in when the response is inserted: {customer_name} the customer&apos;s first name, {order_number} their latest order, {agent_name} your name.</source>
        <translation>العناصر النائبة، وتُملأ عند إدراج الرد: {customer_name} الاسم الأول للعميل، {order_number} آخر طلب له، {agent_name} اسمك.</translation>
    </message>
    <message>
        <source>Insert %1 at the cursor</source>
        <translation>إدراج %1 عند المؤشر</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>العنوان:</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>اللغة:</translation>
    </message>
    <message>
        <source>Te&amp;xt:</source>
        <translation>النص:</translation>
    </message>
</context>
<context>
    <name>threadline::ui::CannedPage</name>
    <message>
        <source>Any</source>
        <translation>أي لغة</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>إضافة…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>تعديل…</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>حذف</translation>
    </message>
    <message>
        <source>Only supervisors change canned responses. Use them by typing / at the start of a reply.</source>
        <translation>لا يغيّر الردود الجاهزة إلا المشرفون. استخدمها بكتابة / في بداية الرد.</translation>
    </message>
    <message>
        <source>Canned responses</source>
        <translation>الردود الجاهزة</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>العنوان</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>اللغة</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>النص</translation>
    </message>
    <message>
        <source>The server did not allow that: only supervisors change canned responses (%1).</source>
        <translation>لم يسمح الخادم بذلك: لا يغيّر الردود الجاهزة إلا المشرفون (%1).</translation>
    </message>
    <message>
        <source>The server refused the change (%1: %2).</source>
        <translation>رفض الخادم التغيير (%1: %2).</translation>
    </message>
    <message>
        <source>Delete canned response</source>
        <translation>حذف الرد الجاهز</translation>
    </message>
    <message>
        <source>Delete “%1” for everyone?</source>
        <translation>هل تحذف «%1» للجميع؟</translation>
    </message>
</context>
<context>
    <name>threadline::ui::CommandPalette</name>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>No command matches.</source>
        <translation>لا يوجد أمر مطابق.</translation>
    </message>
    <message>
        <source>Cannot run now: %1</source>
        <translation>لا يمكن تنفيذه الآن: %1</translation>
    </message>
    <message>
        <source>Enter runs the command, Esc closes.</source>
        <translation>اضغط Enter لتنفيذ الأمر وEsc للإغلاق.</translation>
    </message>
    <message>
        <source>Commands</source>
        <translation>الأوامر</translation>
    </message>
    <message>
        <source>Type what you want to do</source>
        <translation>اكتب ما تريد فعله</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>الأمر</translation>
    </message>
</context>
<context>
    <name>threadline::ui::Composer</name>
    <message>
        <source>Send</source>
        <translation>إرسال</translation>
    </message>
    <message>
        <source>Internal note</source>
        <translation>ملاحظة داخلية</translation>
    </message>
    <message>
        <source>Reply channel (Ctrl+1 chat, Ctrl+2 SMS, Ctrl+3 email, Ctrl+4 note)</source>
        <translation>قناة الرد (Ctrl+1 دردشة، Ctrl+2 رسالة نصية، Ctrl+3 بريد إلكتروني، Ctrl+4 ملاحظة)</translation>
    </message>
    <message>
        <source>Which phone number or address to use</source>
        <translation>رقم الهاتف أو العنوان الذي يُرسل منه الرد</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>الموضوع</translation>
    </message>
    <message>
        <source>Write a reply… (Ctrl+Enter sends)</source>
        <translation>اكتب ردك… (Ctrl+Enter للإرسال)</translation>
    </message>
    <message>
        <source>Add note</source>
        <translation>إضافة ملاحظة</translation>
    </message>
    <message>
        <source>%1 chars · %2 SMS · %3 left%4</source>
        <translation>%1 حرف · %2 رسالة نصية · يتبقى %3%4</translation>
    </message>
    <message>
        <source> · Unicode</source>
        <translation> · يونيكود</translation>
    </message>
    <message>
        <source>Reply channel</source>
        <translation>قناة الرد</translation>
    </message>
    <message>
        <source>Phone number or address</source>
        <translation>رقم الهاتف أو العنوان</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>رد</translation>
    </message>
    <message>
        <source>Reply by chat</source>
        <translation>الرد عبر الدردشة</translation>
    </message>
    <message>
        <source>Reply by SMS</source>
        <translation>الرد برسالة نصية</translation>
    </message>
    <message>
        <source>Reply by email</source>
        <translation>الرد بالبريد الإلكتروني</translation>
    </message>
    <message>
        <source>Write an internal note</source>
        <translation>كتابة ملاحظة داخلية</translation>
    </message>
    <message>
        <source>The customer has no phone number</source>
        <translation>ليس لدى العميل رقم هاتف</translation>
    </message>
    <message>
        <source>The customer has no email address</source>
        <translation>ليس لدى العميل عنوان بريد إلكتروني</translation>
    </message>
    <message>
        <source>No conversation is open</source>
        <translation>لا توجد محادثة مفتوحة</translation>
    </message>
    <message>
        <source>Reply by SMS to %1</source>
        <translation>الرد برسالة نصية إلى %1</translation>
    </message>
    <message>
        <source>Reply by email to %1</source>
        <translation>الرد بالبريد الإلكتروني إلى %1</translation>
    </message>
</context>
<context>
    <name>threadline::ui::ConversationBar</name>
    <message>
        <source>Take</source>
        <translation>تولَّ</translation>
    </message>
    <message>
        <source>Assign to me (%1)</source>
        <translation>أسندها إليّ (%1)</translation>
    </message>
    <message>
        <source>Transfer…</source>
        <translation>تحويل…</translation>
    </message>
    <message>
        <source>Hand over to a queue or a colleague (%1)</source>
        <translation>سلّمها إلى قائمة انتظار أو زميل (%1)</translation>
    </message>
    <message>
        <source>Resolve</source>
        <translation>إنهاء</translation>
    </message>
    <message>
        <source>Resolve or reopen (%1)</source>
        <translation>إنهاء أو إعادة فتح (%1)</translation>
    </message>
    <message>
        <source>Snooze</source>
        <translation>تأجيل</translation>
    </message>
    <message>
        <source>Labels…</source>
        <translation>التصنيفات…</translation>
    </message>
    <message>
        <source>Log call…</source>
        <translation>تسجيل مكالمة…</translation>
    </message>
    <message>
        <source>Log a phone call (%1)</source>
        <translation>تسجيل مكالمة هاتفية (%1)</translation>
    </message>
    <message>
        <source>Return to queue</source>
        <translation>إعادة إلى قائمة الانتظار</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>إعادة فتح</translation>
    </message>
    <message>
        <source>In the queue</source>
        <translation>في قائمة الانتظار</translation>
    </message>
    <message>
        <source>With %1</source>
        <translation>لدى %1</translation>
    </message>
    <message>
        <source>Queue: %1</source>
        <translation>قائمة الانتظار: %1</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>منتهية</translation>
    </message>
    <message>
        <source>Snoozed until %1</source>
        <translation>مؤجلة حتى %1</translation>
    </message>
    <message>
        <source>Transfer</source>
        <translation>تحويل</translation>
    </message>
    <message>
        <source>(keep the queue)</source>
        <translation>(نفس قائمة الانتظار)</translation>
    </message>
    <message>
        <source>(anyone in the queue)</source>
        <translation>(أي شخص في قائمة الانتظار)</translation>
    </message>
    <message>
        <source>What the next person should know</source>
        <translation>ما يجب أن يعرفه الشخص التالي</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>قائمة الانتظار</translation>
    </message>
    <message>
        <source>Colleague</source>
        <translation>زميل</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>ملاحظة</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>التصنيفات</translation>
    </message>
    <message>
        <source>Labels, separated by commas:</source>
        <translation>التصنيفات، مفصولة بفواصل:</translation>
    </message>
    <message>
        <source>%1 is typing…</source>
        <translation>%1 يكتب الآن…</translation>
    </message>
    <message>
        <source>Also here: %1</source>
        <translation>موجود هنا أيضاً: %1</translation>
    </message>
    <message>
        <source>Merge with…</source>
        <translation>دمج مع…</translation>
    </message>
    <message>
        <source>This is the same person as another customer (%1)</source>
        <translation>هذا هو الشخص نفسه كعميل آخر (%1)</translation>
    </message>
    <message>
        <source>Hide until a time; it comes back by itself (%1)</source>
        <translation>إخفاء حتى وقت محدد؛ تعود تلقائياً (%1)</translation>
    </message>
    <message>
        <source>Add or remove labels (%1)</source>
        <translation>إضافة تصنيفات أو إزالتها (%1)</translation>
    </message>
    <message>
        <source>Snooze for an hour</source>
        <translation>تأجيل لمدة ساعة</translation>
    </message>
    <message>
        <source>Snooze until tomorrow morning</source>
        <translation>تأجيل حتى صباح الغد</translation>
    </message>
    <message>
        <source>Snooze for a week</source>
        <translation>تأجيل لمدة أسبوع</translation>
    </message>
    <message>
        <source>More</source>
        <translation>المزيد</translation>
    </message>
    <message>
        <source>More actions</source>
        <translation>إجراءات أخرى</translation>
    </message>
    <message>
        <source>Actions that do not fit beside the conversation</source>
        <translation>إجراءات لا تتسع بجانب المحادثة</translation>
    </message>
    <message>
        <source>No conversation is open</source>
        <translation>لا توجد محادثة مفتوحة</translation>
    </message>
    <message>
        <source>Not signed in yet</source>
        <translation>لم تسجّل الدخول بعد</translation>
    </message>
</context>
<context>
    <name>threadline::ui::ConversationDelegate</name>
    <message>
        <source>waiting %1</source>
        <translation>ينتظر منذ %1</translation>
    </message>
    <message>
        <source>answered</source>
        <translation>تم الرد</translation>
    </message>
    <message>
        <source>unassigned</source>
        <translation>غير مُسنَدة</translation>
    </message>
</context>
<context>
    <name>threadline::ui::CustomerPanel</name>
    <message>
        <source>Identities</source>
        <translation>وسائل التواصل</translation>
    </message>
    <message>
        <source>No customer selected</source>
        <translation>لم يُحدَّد أي عميل</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>تم الحل</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>مفتوحة</translation>
    </message>
    <message>
        <source>Waiting in the queue</source>
        <translation>في قائمة الانتظار</translation>
    </message>
    <message>
        <source>Assigned to %1</source>
        <translation>مُسندة إلى %1</translation>
    </message>
    <message>
        <source>Last contact: %1 by %2</source>
        <translation>آخر تواصل: %1 عبر %2</translation>
    </message>
    <message numerus="yes">
        <source>%1 item(s) in the thread</source>
        <translation>
            <numerusform>لا عناصر في المحادثة</numerusform>
            <numerusform>عنصر واحد في المحادثة</numerusform>
            <numerusform>عنصران في المحادثة</numerusform>
            <numerusform>%1 عناصر في المحادثة</numerusform>
            <numerusform>%1 عنصرًا في المحادثة</numerusform>
            <numerusform>%1 عنصر في المحادثة</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>What we know</source>
        <translation>ما نعرفه</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>الطلبات</translation>
    </message>
    <message>
        <source>Last wrote: %1</source>
        <translation>آخر ما كتبه: %1</translation>
    </message>
    <message>
        <source>Last answered by %1</source>
        <translation>آخر ردّ من %1</translation>
    </message>
    <message>
        <source>Usually writes by %1</source>
        <translation>يتواصل عادةً عبر %1</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>pickup code %1</source>
        <translation>رمز الاستلام %1</translation>
    </message>
    <message>
        <source>No orders</source>
        <translation>لا طلبات</translation>
    </message>
    <message>
        <source>Merged customers</source>
        <translation>العملاء المدمجون</translation>
    </message>
    <message>
        <source>Undo merge</source>
        <translation>تراجع عن الدمج</translation>
    </message>
    <message>
        <source>Undo the merge with %1</source>
        <translation>التراجع عن الدمج مع %1</translation>
    </message>
</context>
<context>
    <name>threadline::ui::FloorChart</name>
    <message>
        <source>Customers waiting</source>
        <translation>العملاء المنتظرون</translation>
    </message>
    <message>
        <source>SLA (%)</source>
        <translation>مستوى الخدمة (٪)</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>المنتظرون</translation>
    </message>
</context>
<context>
    <name>threadline::ui::HtmlEmailView</name>
    <message>
        <source>Original formatting</source>
        <translation>التنسيق الأصلي</translation>
    </message>
    <message>
        <source>Original formatting: %1</source>
        <translation>التنسيق الأصلي: %1</translation>
    </message>
    <message>
        <source>Open link</source>
        <translation>فتح الرابط</translation>
    </message>
    <message>
        <source>Open this address?
%1</source>
        <translation>هل تريد فتح هذا العنوان؟
%1</translation>
    </message>
</context>
<context>
    <name>threadline::ui::LogCallDialog</name>
    <message>
        <source>Log call</source>
        <translation>تسجيل مكالمة</translation>
    </message>
    <message>
        <source>Incoming call</source>
        <translation>مكالمة واردة</translation>
    </message>
    <message>
        <source>Outgoing call</source>
        <translation>مكالمة صادرة</translation>
    </message>
    <message>
        <source>What was said, what was promised</source>
        <translation>ما قيل وما وُعد به</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>الاتجاه</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>الرقم</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>المدة</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>النتيجة</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>ملاحظات</translation>
    </message>
    <message>
        <source>The outcomes are not loaded yet; connect to the server to log the call.</source>
        <translation>لم تُحمَّل نتائج المكالمات بعد؛ اتصل بالخادم لتسجيل المكالمة.</translation>
    </message>
    <message>
        <source>Start timer</source>
        <translation>بدء المؤقت</translation>
    </message>
    <message>
        <source>Stop timer</source>
        <translation>إيقاف المؤقت</translation>
    </message>
</context>
<context>
    <name>threadline::ui::MainWindow</name>
    <message>
        <source>Threadline</source>
        <translation>ثريدلاين</translation>
    </message>
    <message>
        <source>%1 — Threadline</source>
        <translation>%1 — ثريدلاين</translation>
    </message>
    <message>
        <source>● Online</source>
        <translation>● متصل</translation>
    </message>
    <message>
        <source>● Offline — showing the local copy</source>
        <translation>● غير متصل — تُعرض النسخة المحلية</translation>
    </message>
    <message>
        <source>● Offline — %1</source>
        <translation>● غير متصل — %1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message numerus="yes">
        <source>%1 waiting to send</source>
        <translation>
            <numerusform>لا رسائل بانتظار الإرسال</numerusform>
            <numerusform>رسالة واحدة بانتظار الإرسال</numerusform>
            <numerusform>رسالتان بانتظار الإرسال</numerusform>
            <numerusform>%1 رسائل بانتظار الإرسال</numerusform>
            <numerusform>%1 رسالة بانتظار الإرسال</numerusform>
            <numerusform>%1 رسالة بانتظار الإرسال</numerusform>
        </translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>لي</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>قائمة الانتظار</translation>
    </message>
    <message>
        <source>All</source>
        <translation>الكل</translation>
    </message>
    <message>
        <source>All channels</source>
        <translation>كل القنوات</translation>
    </message>
    <message>
        <source>%1 mine, %2 queue, %3 all</source>
        <translation>%1 لي، %2 قائمة الانتظار، %3 الكل</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>القناة</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>أي حالة</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>مفتوحة</translation>
    </message>
    <message>
        <source>Snoozed</source>
        <translation>مؤجلة</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>محلولة</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>الوسم</translation>
    </message>
    <message>
        <source>Any label</source>
        <translation>أي وسم</translation>
    </message>
    <message>
        <source>%1 (%2 · %3 unread)</source>
        <translation>%1 (%2 · %3 غير مقروءة)</translation>
    </message>
    <message>
        <source>&amp;Account</source>
        <translation>&amp;الحساب</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>تسجيل الخروج</translation>
    </message>
    <message>
        <source>Sign out and remove local data…</source>
        <translation>تسجيل الخروج وحذف البيانات المحلية…</translation>
    </message>
    <message>
        <source>Remove local data</source>
        <translation>حذف البيانات المحلية</translation>
    </message>
    <message>
        <source>Remove this computer&apos;s encrypted copy of your conversations, its key, your drafts and any replies not yet sent? The server keeps everything it has received.</source>
        <translation>هل تريد حذف النسخة المشفّرة من محادثاتك على هذا الحاسوب ومفتاحها ومسوّداتك والردود التي لم تُرسل بعد؟ يحتفظ الخادم بكل ما استلمه.</translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation>المحادثات</translation>
    </message>
    <message>
        <source>Queue monitor</source>
        <translation>مراقبة قوائم الانتظار</translation>
    </message>
    <message>
        <source>Order desk</source>
        <translation>مكتب الطلبات</translation>
    </message>
    <message>
        <source>Available</source>
        <translation>متاح</translation>
    </message>
    <message>
        <source>Busy</source>
        <translation>مشغول</translation>
    </message>
    <message>
        <source>Away</source>
        <translation>بعيد</translation>
    </message>
    <message>
        <source>What supervisors see of you</source>
        <translation>ما يراه المشرفون عن حالتك</translation>
    </message>
    <message>
        <source>Someone already answered</source>
        <translation>هناك من ردّ بالفعل</translation>
    </message>
    <message>
        <source>%1 replied to this customer while you were writing. Send yours as well?</source>
        <translation>ردّ %1 على هذا العميل بينما كنت تكتب. هل تريد إرسال ردّك أيضاً؟</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>الإعدادات…</translation>
    </message>
    <message>
        <source>Filter customers</source>
        <translation>تصفية العملاء</translation>
    </message>
    <message>
        <source>The disk is full</source>
        <translation>القرص ممتلئ</translation>
    </message>
    <message>
        <source>The profile folder is read-only</source>
        <translation>مجلد الملف الشخصي للقراءة فقط</translation>
    </message>
    <message>
        <source>This computer could not save it</source>
        <translation>تعذّر على هذا الحاسوب حفظه</translation>
    </message>
    <message>
        <source>%1: your reply was not sent. Its text is back in the composer.</source>
        <translation>%1: لم يُرسَل ردّك. عاد نصّه إلى مربع الكتابة.</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>العملاء</translation>
    </message>
    <message>
        <source>Presence</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <source>Search customers, messages and orders</source>
        <translation>البحث في العملاء والرسائل والطلبات</translation>
    </message>
    <message>
        <source>Search the open thread</source>
        <translation>البحث في المحادثة المفتوحة</translation>
    </message>
    <message>
        <source>Next customer</source>
        <translation>العميل التالي</translation>
    </message>
    <message>
        <source>Previous customer</source>
        <translation>العميل السابق</translation>
    </message>
    <message>
        <source>Show my conversations</source>
        <translation>عرض محادثاتي</translation>
    </message>
    <message>
        <source>Show the queue</source>
        <translation>عرض قائمة الانتظار</translation>
    </message>
    <message>
        <source>Show all conversations</source>
        <translation>عرض كل المحادثات</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>رد</translation>
    </message>
    <message>
        <source>Commands…</source>
        <translation>الأوامر…</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>اختصارات لوحة المفاتيح</translation>
    </message>
    <message>
        <source>Set presence: %1</source>
        <translation>تعيين الحضور: %1</translation>
    </message>
    <message>
        <source>Open the conversations</source>
        <translation>فتح المحادثات</translation>
    </message>
    <message>
        <source>Open the queue monitor</source>
        <translation>فتح مراقبة قوائم الانتظار</translation>
    </message>
    <message>
        <source>Open the order desk</source>
        <translation>فتح مكتب الطلبات</translation>
    </message>
    <message>
        <source>Already open</source>
        <translation>مفتوحة بالفعل</translation>
    </message>
    <message>
        <source>This is the last customer</source>
        <translation>هذا آخر عميل</translation>
    </message>
    <message>
        <source>This is the first customer</source>
        <translation>هذا أول عميل</translation>
    </message>
</context>
<context>
    <name>threadline::ui::MergeDialog</name>
    <message>
        <source>Merge %1 with another customer</source>
        <translation>دمج %1 مع عميل آخر</translation>
    </message>
    <message>
        <source>Name, phone number or email address</source>
        <translation>الاسم أو رقم الهاتف أو عنوان البريد الإلكتروني</translation>
    </message>
    <message>
        <source>Find the other customer</source>
        <translation>ابحث عن العميل الآخر</translation>
    </message>
    <message>
        <source>Customers found</source>
        <translation>العملاء الذين وُجدوا</translation>
    </message>
    <message>
        <source>Keep the other customer&apos;s record instead</source>
        <translation>أبقِ سجل العميل الآخر بدلًا من ذلك</translation>
    </message>
    <message>
        <source>Why they are the same person (optional)</source>
        <translation>لماذا هما الشخص نفسه (اختياري)</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>ملاحظة</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>دمج</translation>
    </message>
    <message>
        <source>Stays</source>
        <translation>يبقى</translation>
    </message>
    <message>
        <source>Is merged into it</source>
        <translation>يُدمج فيه</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>No customer this desktop knows matches</source>
        <translation>لا يطابق البحثَ أيُّ عميل يعرفه هذا الجهاز</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message numerus="yes">
        <source>%1 item(s) in the thread</source>
        <translation>
            <numerusform>لا عناصر في المحادثة</numerusform>
            <numerusform>عنصر واحد في المحادثة</numerusform>
            <numerusform>عنصران في المحادثة</numerusform>
            <numerusform>%1 عناصر في المحادثة</numerusform>
            <numerusform>%1 عنصرًا في المحادثة</numerusform>
            <numerusform>%1 عنصر في المحادثة</numerusform>
        </translation>
    </message>
    <message>
        <source>Last contact: %1 by %2</source>
        <translation>آخر تواصل: %1 عبر %2</translation>
    </message>
    <message>
        <source>No contact yet</source>
        <translation>لا تواصل بعد</translation>
    </message>
    <message>
        <source>Choose the other customer above.</source>
        <translation>اختر العميل الآخر من القائمة أعلاه.</translation>
    </message>
    <message>
        <source>Merging needs a connection to the server. Try again when you are online.</source>
        <translation>يحتاج الدمج إلى اتصال بالخادم. حاول مجددًا عندما تكون متصلًا.</translation>
    </message>
    <message>
        <source>Their identities, thread and orders move to the customer that stays. You can undo it from the side panel.</source>
        <translation>تنتقل وسائل الاتصال والمحادثة والطلبات إلى العميل الذي يبقى. يمكنك التراجع من اللوحة الجانبية.</translation>
    </message>
    <message>
        <source>Searching the server too…</source>
        <translation>جارٍ البحث في الخادم أيضًا…</translation>
    </message>
    <message>
        <source>No customer this computer holds matches. Offline, the server could not be searched.</source>
        <translation>لا يطابق البحثَ أيُّ عميل محفوظ على هذا الحاسوب. تعذّر البحث في الخادم دون اتصال.</translation>
    </message>
    <message>
        <source>Searched only the customers this computer holds: the server could not be searched offline.</source>
        <translation>جرى البحث في العملاء المحفوظين على هذا الحاسوب فقط: تعذّر البحث في الخادم دون اتصال.</translation>
    </message>
    <message>
        <source>No customer matches, on this computer or on the server</source>
        <translation>لا يطابق أيُّ عميل، لا على هذا الحاسوب ولا على الخادم</translation>
    </message>
</context>
<context>
    <name>threadline::ui::Money</name>
    <message>
        <source>toman</source>
        <comment>the Iranian toman, written after amounts</comment>
        <translation>تومان</translation>
    </message>
</context>
<context>
    <name>threadline::ui::NoRemoteBrowser</name>
    <message>
        <source>Original formatting of the email</source>
        <translation>التنسيق الأصلي للبريد الإلكتروني</translation>
    </message>
</context>
<context>
    <name>threadline::ui::OrderDeskView</name>
    <message>
        <source>payment pending</source>
        <translation>الدفع معلّق</translation>
    </message>
    <message>
        <source>authorised, not yet captured</source>
        <translation>مُفوَّض، لم يُحصَّل بعد</translation>
    </message>
    <message>
        <source>voided</source>
        <translation>ملغى</translation>
    </message>
    <message>
        <source>not yet fulfilled</source>
        <translation>لم يُجهَّز بعد</translation>
    </message>
    <message>
        <source>Looks like: %1</source>
        <translation>يبدو أنه: %1</translation>
    </message>
    <message>
        <source>Pick an order to see its items, its pickup code and the customer&apos;s thread.</source>
        <translation>اختر طلبًا لترى أصنافه ورمز استلامه ومحادثة العميل.</translation>
    </message>
    <message>
        <source>Don&apos;t tell them</source>
        <translation>دون إبلاغ العميل</translation>
    </message>
    <message>
        <source>Tell the customer by:</source>
        <translation>إبلاغ العميل عبر:</translation>
    </message>
    <message>
        <source>Ready for pickup</source>
        <translation>جاهز للاستلام</translation>
    </message>
    <message>
        <source>Picked up</source>
        <translation>تم الاستلام</translation>
    </message>
    <message>
        <source>A note for the customer&apos;s thread</source>
        <translation>ملاحظة في محادثة العميل</translation>
    </message>
    <message>
        <source>Add note</source>
        <translation>إضافة ملاحظة</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>الإجمالي</translation>
    </message>
    <message>
        <source>Pickup code</source>
        <translation>رمز الاستلام</translation>
    </message>
    <message>
        <source>Search orders (%1 or %2), %3 to look up at once</source>
        <translation>البحث في الطلبات (%1 أو %2)، و%3 للبحث فورًا</translation>
    </message>
    <message>
        <source>Mark the order ready and tell the customer (%1)</source>
        <translation>تعيين الطلب جاهزًا وإبلاغ العميل (%1)</translation>
    </message>
    <message>
        <source>Record that the customer collected the order (%1)</source>
        <translation>تسجيل أن العميل استلم الطلب (%1)</translation>
    </message>
    <message>
        <source>Look an order up by its number, or by the customer&apos;s phone number, email or name.</source>
        <translation>ابحث عن طلب برقمه، أو برقم هاتف العميل أو بريده الإلكتروني أو اسمه.</translation>
    </message>
    <message>
        <source>No order matches “%1”.</source>
        <translation>لا يوجد طلب يطابق «%1».</translation>
    </message>
    <message>
        <source>The customer&apos;s thread appears here.</source>
        <translation>تظهر محادثة العميل هنا.</translation>
    </message>
    <message>
        <source>Order %1</source>
        <translation>الطلب %1</translation>
    </message>
    <message>
        <source>Placed on %1 via %2</source>
        <translation>قُدِّم في %1 عبر %2</translation>
    </message>
    <message>
        <source>× %1</source>
        <translation>× %1</translation>
    </message>
    <message>
        <source>The shop sent no items for this order.</source>
        <translation>لم يرسل المتجر أي أصناف لهذا الطلب.</translation>
    </message>
    <message>
        <source>Payment: %1 · Fulfilment: %2</source>
        <translation>الدفع: %1 · التجهيز: %2</translation>
    </message>
    <message>
        <source>No pickup code</source>
        <translation>لا يوجد رمز استلام</translation>
    </message>
    <message>
        <source>Marked ready on %1 at %2</source>
        <translation>عُيِّن جاهزًا في %1 الساعة %2</translation>
    </message>
    <message>
        <source>Picked up on %1 at %2</source>
        <translation>استُلم في %1 الساعة %2</translation>
    </message>
    <message>
        <source>Marked ready by %1 on %2 at %3</source>
        <translation>عيّنه %1 جاهزًا في %2 الساعة %3</translation>
    </message>
    <message>
        <source>Picked up by %1 on %2 at %3</source>
        <translation>سلّمه %1 في %2 الساعة %3</translation>
    </message>
    <message>
        <source>SMS to %1</source>
        <translation>رسالة نصية إلى %1</translation>
    </message>
    <message>
        <source>Email to %1</source>
        <translation>بريد إلكتروني إلى %1</translation>
    </message>
    <message>
        <source>The customer&apos;s thread</source>
        <translation>محادثة العميل</translation>
    </message>
    <message>
        <source>Thread with %1</source>
        <translation>المحادثة مع %1</translation>
    </message>
</context>
<context>
    <name>threadline::ui::OrderSearchInput</name>
    <message>
        <source>Order number, phone, email or name</source>
        <translation>رقم الطلب أو الهاتف أو البريد الإلكتروني أو الاسم</translation>
    </message>
    <message>
        <source>order number</source>
        <translation>رقم طلب</translation>
    </message>
    <message>
        <source>phone number</source>
        <translation>رقم هاتف</translation>
    </message>
    <message>
        <source>email address</source>
        <translation>عنوان بريد إلكتروني</translation>
    </message>
    <message>
        <source>name</source>
        <translation>اسم</translation>
    </message>
    <message>
        <source>Find an order</source>
        <translation>البحث عن طلب</translation>
    </message>
</context>
<context>
    <name>threadline::ui::PickDialog</name>
    <message>
        <source>Optional: what the next person should know</source>
        <translation>اختياري: ما يجب أن يعرفه الشخص التالي</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>ملاحظة:</translation>
    </message>
</context>
<context>
    <name>threadline::ui::QueueMonitorView</name>
    <message>
        <source>Conversations assigned to %1</source>
        <translation>المحادثات المُسندة إلى %1</translation>
    </message>
    <message>
        <source>Conversations in %1</source>
        <translation>المحادثات في %1</translation>
    </message>
    <message>
        <source>Conversations in %1, %2</source>
        <translation>المحادثات في %1، %2</translation>
    </message>
    <message>
        <source>Pick a queue or an agent to see their conversations.</source>
        <translation>اختر قائمة انتظار أو موظف دعم لعرض محادثاته.</translation>
    </message>
    <message>
        <source>%1 available, %2 busy, %3 away</source>
        <translation>%1 متاح، %2 مشغول، %3 غائب</translation>
    </message>
    <message>
        <source>%1 (%2, %3 open)</source>
        <translation>%1 (%2، %3 مفتوحة)</translation>
    </message>
    <message>
        <source>Reassign conversation</source>
        <translation>إعادة إسناد المحادثة</translation>
    </message>
    <message>
        <source>Agent:</source>
        <translation>موظف الدعم:</translation>
    </message>
    <message>
        <source>Move to queue</source>
        <translation>النقل إلى قائمة انتظار</translation>
    </message>
    <message>
        <source>Queue:</source>
        <translation>قائمة الانتظار:</translation>
    </message>
    <message>
        <source>Queues</source>
        <translation>قوائم الانتظار</translation>
    </message>
    <message>
        <source>The last hour</source>
        <translation>الساعة الأخيرة</translation>
    </message>
    <message>
        <source>Agents</source>
        <translation>موظفو الدعم</translation>
    </message>
    <message>
        <source>Filter agents by name</source>
        <translation>تصفية موظفي الدعم بالاسم</translation>
    </message>
    <message>
        <source>Any presence</source>
        <translation>أي حالة</translation>
    </message>
    <message>
        <source>Reassign…</source>
        <translation>إعادة إسناد…</translation>
    </message>
    <message>
        <source>Give the conversation to another agent, with a note</source>
        <translation>إسناد المحادثة إلى موظف دعم آخر مع ملاحظة</translation>
    </message>
    <message>
        <source>Move to queue…</source>
        <translation>النقل إلى قائمة انتظار…</translation>
    </message>
    <message>
        <source>Move the conversation to another queue, with a note</source>
        <translation>نقل المحادثة إلى قائمة انتظار أخرى مع ملاحظة</translation>
    </message>
    <message>
        <source>Open thread</source>
        <translation>فتح المحادثة</translation>
    </message>
    <message>
        <source>Open the conversation&apos;s thread (Enter)</source>
        <translation>فتح سجل المحادثة (Enter)</translation>
    </message>
    <message>
        <source>Drag a conversation onto an agent to give it to them</source>
        <translation>اسحب محادثة إلى موظف دعم لإسنادها إليه</translation>
    </message>
    <message>
        <source>Filter agents</source>
        <translation>تصفية موظفي الدعم</translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation>المحادثات</translation>
    </message>
</context>
<context>
    <name>threadline::ui::QueueTableProxy</name>
    <message>
        <source>All channels</source>
        <translation>كل القنوات</translation>
    </message>
    <message>
        <source>Amber from %1, red from %2</source>
        <translation>كهرماني من %1، أحمر من %2</translation>
    </message>
    <message>
        <source>Share answered within %1 over the last hour; amber below %2, red below %3</source>
        <translation>نسبة ما تم الرد عليه خلال %1 في الساعة الأخيرة؛ كهرماني تحت %2، أحمر تحت %3</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>قائمة الانتظار</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>القناة</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>المنتظرون</translation>
    </message>
    <message>
        <source>Longest wait</source>
        <translation>أطول انتظار</translation>
    </message>
    <message>
        <source>Average wait</source>
        <translation>متوسط الانتظار</translation>
    </message>
    <message>
        <source>Handle time</source>
        <translation>مدة المعالجة</translation>
    </message>
    <message>
        <source>SLA</source>
        <translation>مستوى الخدمة</translation>
    </message>
</context>
<context>
    <name>threadline::ui::SearchPalette</name>
    <message>
        <source>Type to search this thread.</source>
        <translation>اكتب للبحث في هذه المحادثة.</translation>
    </message>
    <message>
        <source>Type a name, phone, email, order number or words from a message.</source>
        <translation>اكتب اسماً أو هاتفاً أو بريداً إلكترونياً أو رقم طلب أو كلمات من رسالة.</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>جارٍ البحث…</translation>
    </message>
    <message numerus="yes">
        <source>%n result(s) on this computer; asking the hub…</source>
        <translation>
            <numerusform>لا نتائج على هذا الحاسوب؛ جارٍ سؤال الخادم…</numerusform>
            <numerusform>نتيجة واحدة على هذا الحاسوب؛ جارٍ سؤال الخادم…</numerusform>
            <numerusform>نتيجتان على هذا الحاسوب؛ جارٍ سؤال الخادم…</numerusform>
            <numerusform>%Ln نتائج على هذا الحاسوب؛ جارٍ سؤال الخادم…</numerusform>
            <numerusform>%Ln نتيجة على هذا الحاسوب؛ جارٍ سؤال الخادم…</numerusform>
            <numerusform>%Ln نتيجة على هذا الحاسوب؛ جارٍ سؤال الخادم…</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing found.</source>
        <translation>لم يُعثر على شيء.</translation>
    </message>
    <message numerus="yes">
        <source>%n result(s). Enter opens, Esc closes.</source>
        <translation>
            <numerusform>لا نتائج. Enter للفتح.</numerusform>
            <numerusform>نتيجة واحدة. Enter للفتح.</numerusform>
            <numerusform>نتيجتان. Enter للفتح.</numerusform>
            <numerusform>%Ln نتائج. Enter للفتح.</numerusform>
            <numerusform>%Ln نتيجة. Enter للفتح.</numerusform>
            <numerusform>%Ln نتيجة. Enter للفتح.</numerusform>
        </translation>
    </message>
    <message>
        <source>Search this thread</source>
        <translation>البحث في هذه المحادثة</translation>
    </message>
    <message>
        <source>Search customers, messages and orders</source>
        <translation>البحث في العملاء والرسائل والطلبات</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>بحث</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>نتائج البحث</translation>
    </message>
    <message>
        <source>In the thread with %1</source>
        <translation>في المحادثة مع %1</translation>
    </message>
</context>
<context>
    <name>threadline::ui::SearchPaletteDelegate</name>
    <message>
        <source>on the hub</source>
        <translation>على الخادم</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>العملاء</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>الرسائل</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>الطلبات</translation>
    </message>
    <message>
        <source>Customer %1</source>
        <translation>العميل %1</translation>
    </message>
</context>
<context>
    <name>threadline::ui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>الإعدادات</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>لغة النظام</translation>
    </message>
    <message>
        <source>The new language applies the next time Threadline starts.</source>
        <translation>تُطبَّق اللغة الجديدة عند تشغيل ثريدلاين في المرة القادمة.</translation>
    </message>
    <message>
        <source>The language&apos;s digits</source>
        <translation>أرقام اللغة</translation>
    </message>
    <message>
        <source>Latin digits (0-9)</source>
        <translation>الأرقام اللاتينية (0-9)</translation>
    </message>
    <message>
        <source>As the language has it</source>
        <translation>حسب اللغة</translation>
    </message>
    <message>
        <source>Gregorian</source>
        <translation>الميلادي</translation>
    </message>
    <message>
        <source>Persian (Jalali)</source>
        <translation>الهجري الشمسي (الجلالي)</translation>
    </message>
    <message>
        <source>Islamic (civil)</source>
        <translation>الهجري (المدني)</translation>
    </message>
    <message>
        <source>Saturday</source>
        <translation>السبت</translation>
    </message>
    <message>
        <source>Sunday</source>
        <translation>الأحد</translation>
    </message>
    <message>
        <source>Monday</source>
        <translation>الاثنين</translation>
    </message>
    <message>
        <source>System</source>
        <translation>حسب النظام</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>فاتح</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>داكن</translation>
    </message>
    <message>
        <source>Keep everything</source>
        <translation>الاحتفاظ بالكل</translation>
    </message>
    <message>
        <source> days</source>
        <translation> يومًا</translation>
    </message>
    <message>
        <source>Older conversations stay on the server.</source>
        <translation>تبقى المحادثات الأقدم على الخادم.</translation>
    </message>
    <message>
        <source>Play a sound with a new-assignment notice</source>
        <translation>تشغيل صوت مع إشعار الإسناد الجديد</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>اللغة:</translation>
    </message>
    <message>
        <source>&amp;Digits:</source>
        <translation>الأرقام:</translation>
    </message>
    <message>
        <source>&amp;Calendar:</source>
        <translation>التقويم:</translation>
    </message>
    <message>
        <source>&amp;Week starts on:</source>
        <translation>بداية الأسبوع:</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>المظهر:</translation>
    </message>
    <message>
        <source>&amp;Keep history on this computer:</source>
        <translation>الاحتفاظ بالسجل على هذا الحاسوب:</translation>
    </message>
    <message>
        <source>Notifications:</source>
        <translation>الإشعارات:</translation>
    </message>
    <message>
        <source>General</source>
        <translation>عام</translation>
    </message>
    <message>
        <source>Canned responses</source>
        <translation>الردود الجاهزة</translation>
    </message>
</context>
<context>
    <name>threadline::ui::ShortcutSheet</name>
    <message>
        <source>Copy the selected item</source>
        <translation>نسخ العنصر المحدد</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>اختصارات لوحة المفاتيح</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>المفاتيح</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>الإجراء</translation>
    </message>
</context>
<context>
    <name>threadline::ui::SignInDialog</name>
    <message>
        <source>Sign in to Threadline</source>
        <translation>تسجيل الدخول إلى ثريدلاين</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>الخادم</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>اسم المستخدم</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>كلمة المرور</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>تسجيل الدخول</translation>
    </message>
    <message>
        <source>It has expired.</source>
        <translation>انتهت صلاحيتها.</translation>
    </message>
    <message>
        <source>It is not valid yet (check this computer&apos;s date and time).</source>
        <translation>ليست صالحة بعد (تحقّق من تاريخ هذا الحاسوب ووقته).</translation>
    </message>
    <message>
        <source>It is self-signed: no certificate authority vouches for it.</source>
        <translation>موقّعة ذاتيًا: لا تضمنها أي جهة إصدار شهادات.</translation>
    </message>
    <message>
        <source>It was issued for another server name, not for %1.</source>
        <translation>صدرت لاسم خادم آخر، وليس لـ %1.</translation>
    </message>
    <message>
        <source>It was issued by a certificate authority this computer does not know.</source>
        <translation>أصدرتها جهة إصدار شهادات لا يعرفها هذا الحاسوب.</translation>
    </message>
    <message>
        <source>It has been revoked.</source>
        <translation>تم إبطالها.</translation>
    </message>
    <message>
        <source>It could not be verified.</source>
        <translation>تعذّر التحقق منها.</translation>
    </message>
    <message>
        <source>Trust a certificate authority…</source>
        <translation>الوثوق بجهة إصدار شهادات…</translation>
    </message>
    <message>
        <source>Nothing answers at %1. Check the server address, or ask your IT team whether the Threadline server is running.</source>
        <translation>لا شيء يجيب على %1. تحقّق من عنوان الخادم، أو اسأل فريق تقنية المعلومات هل خادم Threadline يعمل.</translation>
    </message>
    <message>
        <source>The server name %1 was not found. Check the address for typing mistakes.</source>
        <translation>لم يُعثر على اسم الخادم %1. تحقّق من العنوان بحثًا عن أخطاء الكتابة.</translation>
    </message>
    <message>
        <source>The server at %1 did not answer in time. Check your network connection.</source>
        <translation>لم يُجب الخادم %1 في الوقت المحدد. تحقّق من اتصال الشبكة.</translation>
    </message>
    <message>
        <source>The server at %1 cannot be reached. Check your network connection.</source>
        <translation>يتعذّر الوصول إلى الخادم %1. تحقّق من اتصال الشبكة.</translation>
    </message>
    <message>
        <source>The server&apos;s certificate is not trusted, so Threadline did not connect.</source>
        <translation>شهادة الخادم غير موثوقة، لذلك لم يتصل Threadline.</translation>
    </message>
    <message>
        <source>If your IT team gave you a certificate authority file, choose “Trust a certificate authority…”.</source>
        <translation>إذا أعطاك فريق تقنية المعلومات ملف جهة إصدار شهادات، فاختر «الوثوق بجهة إصدار شهادات…».</translation>
    </message>
    <message>
        <source>The user name or password is wrong.</source>
        <translation>اسم المستخدم أو كلمة المرور غير صحيحة.</translation>
    </message>
    <message>
        <source>The server at %1 runs an older version of Threadline (or another program) that this desktop cannot talk to. Ask your IT team to update the server.</source>
        <translation>يشغّل الخادم %1 إصدارًا أقدم من Threadline (أو برنامجًا آخر) لا يستطيع سطح المكتب هذا التخاطب معه. اطلب من فريق تقنية المعلومات تحديث الخادم.</translation>
    </message>
    <message>
        <source>The server refused the sign-in (%1).</source>
        <translation>رفض الخادم تسجيل الدخول (%1).</translation>
    </message>
    <message>
        <source>Issued to: %1
Issued by: %2
SHA-256 fingerprint: %3</source>
        <translation>صادرة لـ: %1
الجهة المُصدِرة: %2
بصمة SHA-256: %3</translation>
    </message>
    <message>
        <source>Trust a certificate authority</source>
        <translation>الوثوق بجهة إصدار شهادات</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>الشهادات (*.pem *.crt *.cer);;كل الملفات (*)</translation>
    </message>
    <message>
        <source>This computer now trusts %1 for Threadline. Enter your password and sign in again.</source>
        <translation>يثق هذا الحاسوب الآن بـ %1 من أجل Threadline. أدخل كلمة المرور وسجّل الدخول من جديد.</translation>
    </message>
    <message>
        <source>That file cannot be read.</source>
        <translation>تعذّرت قراءة ذلك الملف.</translation>
    </message>
    <message>
        <source>That certificate authority has expired or is not valid yet.</source>
        <translation>جهة إصدار الشهادات هذه منتهية الصلاحية أو ليست صالحة بعد.</translation>
    </message>
    <message>
        <source>The profile folder cannot keep the certificate authority.</source>
        <translation>لا يستطيع مجلد الملف الشخصي حفظ جهة إصدار الشهادات.</translation>
    </message>
    <message>
        <source>That file holds no certificate in PEM format (“BEGIN CERTIFICATE”).</source>
        <translation>لا يحتوي ذلك الملف على أي شهادة بصيغة PEM («BEGIN CERTIFICATE»).</translation>
    </message>
</context>
<context>
    <name>threadline::ui::StorageBanner</name>
    <message>
        <source>Local storage</source>
        <translation>التخزين المحلي</translation>
    </message>
    <message>
        <source>The disk is full: new messages are not being saved on this computer. What you see stays; free some space and Threadline catches up by itself.</source>
        <translation>القرص ممتلئ: لا تُحفظ الرسائل الجديدة على هذا الحاسوب. يبقى ما تراه؛ حرّر بعض المساحة وسيلحق Threadline بما فاته من تلقاء نفسه.</translation>
    </message>
    <message>
        <source>The profile folder is read-only: new messages are not being saved on this computer. What you see stays; Threadline catches up once the folder can be written again.</source>
        <translation>مجلد الملف الشخصي للقراءة فقط: لا تُحفظ الرسائل الجديدة على هذا الحاسوب. يبقى ما تراه؛ وسيلحق Threadline بما فاته حين يصبح المجلد قابلًا للكتابة من جديد.</translation>
    </message>
    <message>
        <source>This computer&apos;s cache cannot be written (%1): new messages are not being saved. Threadline keeps trying.</source>
        <translation>تتعذّر الكتابة في الذاكرة المحلية لهذا الحاسوب (%1): لا تُحفظ الرسائل الجديدة. يواصل Threadline المحاولة.</translation>
    </message>
</context>
<context>
    <name>threadline::ui::TimelineView</name>
    <message>
        <source>Scroll the thread</source>
        <translation>تمرير سلسلة المحادثة</translation>
    </message>
    <message>
        <source>Copy text</source>
        <translation>نسخ النص</translation>
    </message>
    <message>
        <source>Copy link or number</source>
        <translation>نسخ الرابط أو الرقم</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>فتح</translation>
    </message>
    <message>
        <source>Hide quoted history</source>
        <translation>إخفاء الرسائل المقتبسة</translation>
    </message>
    <message>
        <source>Show quoted history</source>
        <translation>إظهار الرسائل المقتبسة</translation>
    </message>
    <message>
        <source>Save %1…</source>
        <translation>حفظ %1…</translation>
    </message>
    <message>
        <source>Show original formatting</source>
        <translation>عرض التنسيق الأصلي</translation>
    </message>
    <message>
        <source>Thread</source>
        <translation>سلسلة المحادثة</translation>
    </message>
</context>
</TS>
