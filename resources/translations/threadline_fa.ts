<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fa">
<context>
    <name>CallDisposition</name>
    <message>
        <source>resolved</source>
        <translation>حل شد</translation>
    </message>
    <message>
        <source>callback promised</source>
        <translation>قرار تماس مجدد</translation>
    </message>
    <message>
        <source>escalated</source>
        <translation>ارجاع به سطح بالاتر</translation>
    </message>
    <message>
        <source>no answer</source>
        <translation>بی‌پاسخ</translation>
    </message>
</context>
<context>
    <name>Channel</name>
    <message>
        <source>Chat</source>
        <translation>گفتگو</translation>
    </message>
    <message>
        <source>SMS</source>
        <translation>پیامک</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>ایمیل</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>تماس</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>یادداشت</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>سفارش</translation>
    </message>
</context>
<context>
    <name>Identity</name>
    <message>
        <source>Phone</source>
        <translation>تلفن</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>ایمیل</translation>
    </message>
    <message>
        <source>Web chat</source>
        <translation>گفتگوی وب</translation>
    </message>
</context>
<context>
    <name>Inbox</name>
    <message>
        <source>You: %1</source>
        <translation>شما: %1</translation>
    </message>
</context>
<context>
    <name>OrderStatus</name>
    <message>
        <source>placed</source>
        <translation>ثبت شد</translation>
    </message>
    <message>
        <source>paid</source>
        <translation>پرداخت شد</translation>
    </message>
    <message>
        <source>shipped</source>
        <translation>ارسال شد</translation>
    </message>
    <message>
        <source>delivered</source>
        <translation>تحویل شد</translation>
    </message>
    <message>
        <source>refunded</source>
        <translation>وجه بازگردانده شد</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>لغو شد</translation>
    </message>
    <message>
        <source>ready for pickup</source>
        <translation>آمادهٔ تحویل حضوری</translation>
    </message>
    <message>
        <source>picked up</source>
        <translation>تحویل گرفته شد</translation>
    </message>
</context>
<context>
    <name>RelativeTime</name>
    <message>
        <source>just now</source>
        <translation>همین حالا</translation>
    </message>
    <message numerus="yes">
        <source>%1 min ago</source>
        <translation>
            <numerusform>%1 دقیقه پیش</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 h ago</source>
        <translation>
            <numerusform>%1 ساعت پیش</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 d ago</source>
        <translation>
            <numerusform>%1 روز پیش</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Role</name>
    <message>
        <source>agent</source>
        <translation>کارشناس</translation>
    </message>
    <message>
        <source>supervisor</source>
        <translation>سرپرست</translation>
    </message>
    <message>
        <source>store</source>
        <translation>فروشگاه</translation>
    </message>
</context>
<context>
    <name>Timeline</name>
    <message>
        <source>Waiting to send</source>
        <translation>در انتظار ارسال</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>در صف ارسال</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>ارسال شد</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>تحویل شد</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>ارسال نشد</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>ارسال نشد: %1</translation>
    </message>
    <message>
        <source>Incoming call</source>
        <translation>تماس ورودی</translation>
    </message>
    <message>
        <source>Outgoing call</source>
        <translation>تماس خروجی</translation>
    </message>
    <message>
        <source>Order %1: %2</source>
        <translation>سفارش %1: %2</translation>
    </message>
    <message>
        <source>▸ quoted history hidden</source>
        <translation>◂ متن نقل‌قول‌شدهٔ قبلی پنهان است</translation>
    </message>
    <message>
        <source>▾ quoted history</source>
        <translation>▾ پیام‌های نقل‌شده</translation>
    </message>
    <message>
        <source>New</source>
        <translation>جدید</translation>
    </message>
</context>
<context>
    <name>threadline::app::Desktop</name>
    <message>
        <source>The user name or password is wrong.</source>
        <translation>نام کاربری یا گذرواژه نادرست است.</translation>
    </message>
    <message>
        <source>This server speaks another version of Threadline.</source>
        <translation>این سرور با نسخهٔ دیگری از تردلاین کار می‌کند.</translation>
    </message>
    <message>
        <source>The server refused the sign-in (%1: %2).</source>
        <translation>سرور اجازهٔ ورود نداد (%1: %2).</translation>
    </message>
    <message>
        <source>The thread did not appear within a minute; no screenshot was taken.</source>
        <translation>گفتگو در عرض یک دقیقه نمایش داده نشد؛ از صفحه تصویری گرفته نشد.</translation>
    </message>
    <message>
        <source>The server address must start with ws:// or wss://.</source>
        <translation>نشانی سرور باید با ws:// یا wss:// شروع شود.</translation>
    </message>
    <message>
        <source>Please enter your user name and password.</source>
        <translation>لطفاً نام کاربری و گذرواژهٔ خود را وارد کنید.</translation>
    </message>
    <message>
        <source>No keychain in use: the local cache is protected by your passphrase.</source>
        <translation>جاکلیدی سیستم در کار نیست: نسخهٔ محلی با عبارت عبور شما محافظت می‌شود.</translation>
    </message>
    <message>
        <source>The profile folder name may only use letters, digits, &apos;-&apos;, &apos;_&apos; and &apos;.&apos;.</source>
        <translation>نام پوشهٔ نمایه فقط می‌تواند حرف، رقم و نویسه‌های «-»، «_» و «.» داشته باشد.</translation>
    </message>
    <message>
        <source>The cache key is not available: %1</source>
        <translation>کلید نسخهٔ محلی در دسترس نیست: %1</translation>
    </message>
    <message>
        <source>Protect the local cache</source>
        <translation>محافظت از نسخهٔ محلی</translation>
    </message>
    <message>
        <source>No system keychain is available (%1).
Choose a passphrase to encrypt this computer&apos;s copy of your conversations:</source>
        <translation>جاکلیدی سیستم در دسترس نیست (%1).
برای رمزگذاری نسخهٔ گفتگوهایتان روی این رایانه یک عبارت عبور انتخاب کنید:</translation>
    </message>
    <message>
        <source>The local cache needs a keychain or a passphrase.</source>
        <translation>نسخهٔ محلی به جاکلیدی سیستم یا یک عبارت عبور نیاز دارد.</translation>
    </message>
    <message>
        <source>The passphrase does not open this computer&apos;s cache.</source>
        <translation>این عبارت عبور نسخهٔ محلی این رایانه را باز نمی‌کند.</translation>
    </message>
    <message>
        <source>The local cache cannot be opened (%1): %2</source>
        <translation>نسخهٔ محلی باز نشد (%1): %2</translation>
    </message>
    <message>
        <source>The local cache could not be read (%1). It was kept as %2 and a fresh copy is being rebuilt from the server.</source>
        <translation>نسخهٔ محلی خوانده نشد (%1). فایل قبلی با نام %2 نگه داشته شد و نسخهٔ تازه‌ای از روی سرور ساخته می‌شود.</translation>
    </message>
    <message>
        <source>Cannot reach the server at %1: %2</source>
        <translation>دسترسی به سرور %1 ممکن نیست: %2</translation>
    </message>
    <message>
        <source>The local cache could not be updated (%1).</source>
        <translation>نسخهٔ محلی به‌روز نشد (%1).</translation>
    </message>
    <message>
        <source>Threadline</source>
        <translation>تردلاین</translation>
    </message>
    <message>
        <source>Could not write the screenshot to %1.</source>
        <translation>ذخیرهٔ تصویر صفحه در %1 ممکن نشد.</translation>
    </message>
    <message>
        <source>This passphrase does not open the local cache. Start a fresh cache from the server? The old file is kept, not deleted.</source>
        <translation>این عبارت عبور نسخهٔ محلی را باز نمی‌کند. نسخهٔ محلی تازه‌ای از روی سرور ساخته شود؟ فایل قبلی نگه داشته می‌شود و پاک نمی‌شود.</translation>
    </message>
    <message>
        <source>The cache key could not be removed: %1</source>
        <translation>کلید حافظهٔ محلی حذف نشد: %1</translation>
    </message>
</context>
<context>
    <name>threadline::ui::Composer</name>
    <message>
        <source>Send</source>
        <translation>ارسال</translation>
    </message>
    <message>
        <source>Internal note</source>
        <translation>یادداشت داخلی</translation>
    </message>
    <message>
        <source>Reply channel (Ctrl+1 chat, Ctrl+2 SMS, Ctrl+3 email, Ctrl+4 note)</source>
        <translation>کانال پاسخ (Ctrl+1 گفتگو، Ctrl+2 پیامک، Ctrl+3 ایمیل، Ctrl+4 یادداشت)</translation>
    </message>
    <message>
        <source>Which phone number or address to use</source>
        <translation>پاسخ از کدام شماره یا نشانی فرستاده شود</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>موضوع</translation>
    </message>
    <message>
        <source>Write a reply… (Ctrl+Enter sends)</source>
        <translation>پاسخ خود را بنویسید… (ارسال با Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Add note</source>
        <translation>افزودن یادداشت</translation>
    </message>
    <message>
        <source>%1 chars · %2 SMS · %3 left%4</source>
        <translation>%1 نویسه · %2 پیامک · %3 نویسهٔ باقی‌مانده%4</translation>
    </message>
    <message>
        <source> · Unicode</source>
        <translation> · یونیکد</translation>
    </message>
</context>
<context>
    <name>threadline::ui::CustomerPanel</name>
    <message>
        <source>Identities</source>
        <translation>راه‌های ارتباطی</translation>
    </message>
    <message>
        <source>No customer selected</source>
        <translation>مشتری‌ای انتخاب نشده است</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>حل‌شده</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>باز</translation>
    </message>
    <message>
        <source>Waiting in the queue</source>
        <translation>در صف انتظار</translation>
    </message>
    <message>
        <source>Assigned to %1</source>
        <translation>واگذارشده به %1</translation>
    </message>
    <message>
        <source>Last contact: %1 by %2</source>
        <translation>آخرین ارتباط: %1 از طریق %2</translation>
    </message>
    <message numerus="yes">
        <source>%1 item(s) in the thread</source>
        <translation>
            <numerusform>%1 مورد در این گفتگو</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>threadline::ui::MainWindow</name>
    <message>
        <source>Threadline</source>
        <translation>تردلاین</translation>
    </message>
    <message>
        <source>Search customers (Ctrl+K)</source>
        <translation>جستجوی مشتری (Ctrl+K)</translation>
    </message>
    <message>
        <source>%1 — Threadline</source>
        <translation>%1 — تردلاین</translation>
    </message>
    <message>
        <source>● Online</source>
        <translation>● برخط</translation>
    </message>
    <message>
        <source>● Offline — showing the local copy</source>
        <translation>● برون‌خط — نمایش نسخهٔ محلی</translation>
    </message>
    <message>
        <source>● Offline — %1</source>
        <translation>● برون‌خط — %1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message numerus="yes">
        <source>%1 waiting to send</source>
        <translation>
            <numerusform>%1 پیام در انتظار ارسال</numerusform>
        </translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>مال من</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>صف</translation>
    </message>
    <message>
        <source>All</source>
        <translation>همه</translation>
    </message>
    <message>
        <source>All channels</source>
        <translation>همهٔ کانال‌ها</translation>
    </message>
    <message>
        <source>%1 mine, %2 queue, %3 all</source>
        <translation>%1 مال من، %2 صف، %3 همه</translation>
    </message>
    <message>
        <source>&amp;Account</source>
        <translation>&amp;حساب کاربری</translation>
    </message>
    <message>
        <source>Keep local history…</source>
        <translation>نگه‌داری تاریخچهٔ محلی…</translation>
    </message>
    <message>
        <source>Local history</source>
        <translation>تاریخچهٔ محلی</translation>
    </message>
    <message>
        <source>Keep this many days of conversations on this computer (0 keeps everything; older ones stay on the server):</source>
        <translation>گفتگوهای چند روز اخیر روی این رایانه نگه داشته شود؟ (۰ یعنی همه؛ قدیمی‌ترها روی سرور می‌مانند):</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>خروج از حساب</translation>
    </message>
    <message>
        <source>Sign out and remove local data…</source>
        <translation>خروج و حذف داده‌های این رایانه…</translation>
    </message>
    <message>
        <source>Remove local data</source>
        <translation>حذف داده‌های محلی</translation>
    </message>
    <message>
        <source>Remove this computer&apos;s encrypted copy of your conversations, its key, your drafts and any replies not yet sent? The server keeps everything it has received.</source>
        <translation>نسخهٔ رمزگذاری‌شدهٔ گفتگوها روی این رایانه، کلید آن، پیش‌نویس‌ها و پاسخ‌هایی که هنوز ارسال نشده‌اند حذف شوند؟ هر آنچه سرور دریافت کرده است روی سرور می‌ماند.</translation>
    </message>
</context>
<context>
    <name>threadline::ui::SignInDialog</name>
    <message>
        <source>Sign in to Threadline</source>
        <translation>ورود به تردلاین</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>سرور</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>نام کاربری</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>گذرواژه</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>ورود</translation>
    </message>
</context>
<context>
    <name>threadline::ui::TimelineView</name>
    <message>
        <source>Copy text</source>
        <translation>کپی متن</translation>
    </message>
    <message>
        <source>Copy link or number</source>
        <translation>کپی پیوند یا شماره</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>باز کردن</translation>
    </message>
    <message>
        <source>Hide quoted history</source>
        <translation>پنهان کردن پیام‌های نقل‌شده</translation>
    </message>
    <message>
        <source>Show quoted history</source>
        <translation>نمایش پیام‌های نقل‌شده</translation>
    </message>
</context>
</TS>
