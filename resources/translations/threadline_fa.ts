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
    <message>
        <source>Activity</source>
        <translation>فعالیت</translation>
    </message>
</context>
<context>
    <name>DeliveryReason</name>
    <message>
        <source>no SMS provider configured</source>
        <translation>هیچ سرویس پیامکی تنظیم نشده است</translation>
    </message>
    <message>
        <source>no email server configured</source>
        <translation>هیچ سرور ایمیلی تنظیم نشده است</translation>
    </message>
    <message>
        <source>unreachable destination handset</source>
        <translation>گوشی گیرنده در دسترس نیست</translation>
    </message>
    <message>
        <source>message blocked</source>
        <translation>پیام مسدود شد</translation>
    </message>
    <message>
        <source>unknown destination handset</source>
        <translation>شماره گیرنده ناشناخته است</translation>
    </message>
    <message>
        <source>landline or unreachable carrier</source>
        <translation>تلفن ثابت است یا اپراتور در دسترس نیست</translation>
    </message>
    <message>
        <source>message filtered by the carrier</source>
        <translation>پیام را اپراتور فیلتر کرد</translation>
    </message>
    <message>
        <source>unknown error</source>
        <translation>خطای ناشناخته</translation>
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
    <name>Presence</name>
    <message>
        <source>Available</source>
        <translation>در دسترس</translation>
    </message>
    <message>
        <source>Busy</source>
        <translation>مشغول</translation>
    </message>
    <message>
        <source>Away</source>
        <translation>غایب</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>آفلاین</translation>
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
    <message>
        <source>%1 returned the conversation to the queue</source>
        <translation>%1 گفتگو را به صف برگرداند</translation>
    </message>
    <message>
        <source>%1 took the conversation</source>
        <translation>%1 گفتگو را برداشت</translation>
    </message>
    <message>
        <source>%1 assigned the conversation to %2</source>
        <translation>%1 گفتگو را به %2 سپرد</translation>
    </message>
    <message>
        <source>%1 transferred the conversation to %2</source>
        <translation>%1 گفتگو را به %2 منتقل کرد</translation>
    </message>
    <message>
        <source>%1 snoozed the conversation until %2</source>
        <translation>%1 گفتگو را تا %2 به تعویق انداخت</translation>
    </message>
    <message>
        <source>%1 resolved the conversation</source>
        <translation>%1 گفتگو را حل‌شده اعلام کرد</translation>
    </message>
    <message>
        <source>The snooze ended; the conversation is open again</source>
        <translation>زمان تعویق تمام شد؛ گفتگو دوباره باز است</translation>
    </message>
    <message>
        <source>%1 reopened the conversation</source>
        <translation>%1 گفتگو را دوباره باز کرد</translation>
    </message>
    <message>
        <source>Show original formatting</source>
        <translation>نمایش قالب اصلی</translation>
    </message>
    <message>
        <source>%1 merged %2 into this customer</source>
        <translation>%1 مشتری %2 را با این مشتری ادغام کرد</translation>
    </message>
    <message>
        <source>%1 undid the merge with %2</source>
        <translation>%1 ادغام با %2 را لغو کرد</translation>
    </message>
    <message>
        <source>%1 (needs a connection to the hub)</source>
        <comment>an attachment line while offline</comment>
        <translation>%1 (نیاز به اتصال به سرور)</translation>
    </message>
</context>
<context>
    <name>threadline::app::Desktop</name>
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
    <message>
        <source>The server refused that (%1): %2</source>
        <translation>سرور این کار را نپذیرفت (%1): %2</translation>
    </message>
    <message>
        <source>That page is not for your role.</source>
        <translation>این صفحه برای نقش شما نیست.</translation>
    </message>
    <message>
        <source>a customer</source>
        <translation>یک مشتری</translation>
    </message>
    <message>
        <source>The certificate authority file %1 cannot be used (%2).</source>
        <translation>فایل مرجع صدور گواهی %1 قابل استفاده نیست (%2).</translation>
    </message>
    <message>
        <source>This profile is already open in Threadline (process %1 on %2). Switch to that window, or start with another --profile.</source>
        <translation>این پروفایل همین حالا در Threadline باز است (فرایند %1 روی %2). به همان پنجره بروید، یا پروفایل دیگری را باز کنید.</translation>
    </message>
</context>
<context>
    <name>threadline::ui::AgentTableProxy</name>
    <message>
        <source>Agent</source>
        <translation>کارشناس</translation>
    </message>
    <message>
        <source>Presence</source>
        <translation>وضعیت حضور</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>گفتگوهای باز</translation>
    </message>
</context>
<context>
    <name>threadline::ui::AssignmentAlert</name>
    <message>
        <source>New conversation for you</source>
        <translation>گفتگوی تازه برای شما</translation>
    </message>
    <message>
        <source>Your customer wrote</source>
        <translation>مشتری شما پیام داد</translation>
    </message>
    <message>
        <source>%1 is now yours.</source>
        <translation>%1 اکنون با شماست.</translation>
    </message>
    <message>
        <source>%1 gave you the conversation with %2.</source>
        <translation>%1 گفتگو با %2 را به شما سپرد.</translation>
    </message>
    <message>
        <source>New message from %1.</source>
        <translation>پیام تازه از %1.</translation>
    </message>
    <message>
        <source>Threadline</source>
        <translation>تردلاین</translation>
    </message>
</context>
<context>
    <name>threadline::ui::AttachmentActions</name>
    <message>
        <source>Not connected to the hub; try again when online.</source>
        <translation>به سرور وصل نیستید؛ وقتی آنلاین شدید دوباره امتحان کنید.</translation>
    </message>
    <message>
        <source>The file could not be written.</source>
        <translation>فایل نوشته نشد.</translation>
    </message>
    <message>
        <source>The hub no longer has it.</source>
        <translation>سرور دیگر آن را ندارد.</translation>
    </message>
    <message>
        <source>The hub could not send it.</source>
        <translation>سرور نتوانست آن را بفرستد.</translation>
    </message>
    <message>
        <source>Save attachment</source>
        <translation>ذخیرهٔ پیوست</translation>
    </message>
    <message>
        <source>Saving %1…</source>
        <translation>در حال ذخیرهٔ %1…</translation>
    </message>
    <message>
        <source>Loading the original formatting…</source>
        <translation>در حال بارگیری قالب اصلی…</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 ذخیره شد</translation>
    </message>
    <message>
        <source>Could not save %1: %2</source>
        <translation>%1 ذخیره نشد: %2</translation>
    </message>
    <message>
        <source>Could not show the original formatting: %1</source>
        <translation>قالب اصلی نمایش داده نشد: %1</translation>
    </message>
</context>
<context>
    <name>threadline::ui::CannedEditor</name>
    <message>
        <source>Edit canned response</source>
        <translation>ویرایش پاسخ آماده</translation>
    </message>
    <message>
        <source>New canned response</source>
        <translation>پاسخ آماده تازه</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>عنوان</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>زبان</translation>
    </message>
    <message>
        <source>Any language</source>
        <translation>هر زبانی</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>متن</translation>
    </message>
    <message>
        <source>Placeholders, filled in when the response is inserted: {customer_name} the customer&apos;s first name, {order_number} their latest order, {agent_name} your name.</source>
        <translation>جای‌نگه‌دارها، که هنگام درج پاسخ پر می‌شوند: {customer_name} نام کوچک مشتری، {order_number} آخرین سفارش او، {agent_name} نام شما.</translation>
    </message>
    <message>
        <source>Insert %1 at the cursor</source>
        <translation>درج %1 در جای مکان‌نما</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>عنوان:</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>زبان:</translation>
    </message>
    <message>
        <source>Te&amp;xt:</source>
        <translation>متن:</translation>
    </message>
</context>
<context>
    <name>threadline::ui::CannedPage</name>
    <message>
        <source>Any</source>
        <translation>هر زبانی</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>افزودن…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>ویرایش…</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>حذف</translation>
    </message>
    <message>
        <source>Only supervisors change canned responses. Use them by typing / at the start of a reply.</source>
        <translation>پاسخ‌های آماده را فقط سرپرستان تغییر می‌دهند. برای به‌کار بردنشان در ابتدای پاسخ / بنویسید.</translation>
    </message>
    <message>
        <source>Canned responses</source>
        <translation>پاسخ‌های آماده</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>عنوان</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>زبان</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>متن</translation>
    </message>
    <message>
        <source>The server did not allow that: only supervisors change canned responses (%1).</source>
        <translation>سرور اجازه نداد: پاسخ‌های آماده را فقط سرپرستان تغییر می‌دهند (%1).</translation>
    </message>
    <message>
        <source>The server refused the change (%1: %2).</source>
        <translation>سرور این تغییر را نپذیرفت (%1: %2).</translation>
    </message>
    <message>
        <source>Delete canned response</source>
        <translation>حذف پاسخ آماده</translation>
    </message>
    <message>
        <source>Delete “%1” for everyone?</source>
        <translation>«%1» برای همه حذف شود؟</translation>
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
        <translation>هیچ فرمانی پیدا نشد.</translation>
    </message>
    <message>
        <source>Cannot run now: %1</source>
        <translation>اکنون اجرا نمی‌شود: %1</translation>
    </message>
    <message>
        <source>Enter runs the command, Esc closes.</source>
        <translation>با Enter فرمان اجرا و با Esc بسته می‌شود.</translation>
    </message>
    <message>
        <source>Commands</source>
        <translation>فرمان‌ها</translation>
    </message>
    <message>
        <source>Type what you want to do</source>
        <translation>بنویسید چه می‌خواهید بکنید</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>فرمان</translation>
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
    <message>
        <source>Reply channel</source>
        <translation>راه پاسخ</translation>
    </message>
    <message>
        <source>Phone number or address</source>
        <translation>شماره تلفن یا نشانی</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>پاسخ</translation>
    </message>
    <message>
        <source>Reply by chat</source>
        <translation>پاسخ با گفتگو</translation>
    </message>
    <message>
        <source>Reply by SMS</source>
        <translation>پاسخ با پیامک</translation>
    </message>
    <message>
        <source>Reply by email</source>
        <translation>پاسخ با ایمیل</translation>
    </message>
    <message>
        <source>Write an internal note</source>
        <translation>نوشتن یادداشت داخلی</translation>
    </message>
    <message>
        <source>The customer has no phone number</source>
        <translation>مشتری شماره تلفنی ندارد</translation>
    </message>
    <message>
        <source>The customer has no email address</source>
        <translation>مشتری نشانی ایمیلی ندارد</translation>
    </message>
    <message>
        <source>No conversation is open</source>
        <translation>هیچ گفتگویی باز نیست</translation>
    </message>
    <message>
        <source>Reply by SMS to %1</source>
        <translation>پاسخ با پیامک به %1</translation>
    </message>
    <message>
        <source>Reply by email to %1</source>
        <translation>پاسخ با ایمیل به %1</translation>
    </message>
</context>
<context>
    <name>threadline::ui::ConversationBar</name>
    <message>
        <source>Take</source>
        <translation>برداشتن</translation>
    </message>
    <message>
        <source>Assign to me (%1)</source>
        <translation>سپردن به من (%1)</translation>
    </message>
    <message>
        <source>Transfer…</source>
        <translation>انتقال…</translation>
    </message>
    <message>
        <source>Hand over to a queue or a colleague (%1)</source>
        <translation>سپردن به یک صف یا همکار (%1)</translation>
    </message>
    <message>
        <source>Resolve</source>
        <translation>حل شد</translation>
    </message>
    <message>
        <source>Resolve or reopen (%1)</source>
        <translation>حل‌شده یا بازگشایی (%1)</translation>
    </message>
    <message>
        <source>Snooze</source>
        <translation>تعویق</translation>
    </message>
    <message>
        <source>Labels…</source>
        <translation>برچسب‌ها…</translation>
    </message>
    <message>
        <source>Log call…</source>
        <translation>ثبت تماس…</translation>
    </message>
    <message>
        <source>Log a phone call (%1)</source>
        <translation>ثبت تماس تلفنی (%1)</translation>
    </message>
    <message>
        <source>Return to queue</source>
        <translation>برگرداندن به صف</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>بازگشایی</translation>
    </message>
    <message>
        <source>In the queue</source>
        <translation>در صف</translation>
    </message>
    <message>
        <source>With %1</source>
        <translation>نزد %1</translation>
    </message>
    <message>
        <source>Queue: %1</source>
        <translation>صف: %1</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>حل‌شده</translation>
    </message>
    <message>
        <source>Snoozed until %1</source>
        <translation>به تعویق تا %1</translation>
    </message>
    <message>
        <source>Transfer</source>
        <translation>انتقال</translation>
    </message>
    <message>
        <source>(keep the queue)</source>
        <translation>(همین صف)</translation>
    </message>
    <message>
        <source>(anyone in the queue)</source>
        <translation>(هر کسی در صف)</translation>
    </message>
    <message>
        <source>What the next person should know</source>
        <translation>آنچه نفر بعدی باید بداند</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>صف</translation>
    </message>
    <message>
        <source>Colleague</source>
        <translation>همکار</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>یادداشت</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>برچسب‌ها</translation>
    </message>
    <message>
        <source>Labels, separated by commas:</source>
        <translation>برچسب‌ها، جداشده با ویرگول:</translation>
    </message>
    <message>
        <source>%1 is typing…</source>
        <translation>%1 در حال نوشتن است…</translation>
    </message>
    <message>
        <source>Also here: %1</source>
        <translation>این‌جا هم هست: %1</translation>
    </message>
    <message>
        <source>Merge with…</source>
        <translation>ادغام با…</translation>
    </message>
    <message>
        <source>This is the same person as another customer (%1)</source>
        <translation>این همان شخصِ مشتری دیگری است (%1)</translation>
    </message>
    <message>
        <source>Hide until a time; it comes back by itself (%1)</source>
        <translation>تا زمانی معین پنهان شود؛ خودش برمی‌گردد (%1)</translation>
    </message>
    <message>
        <source>Add or remove labels (%1)</source>
        <translation>افزودن یا حذف برچسب (%1)</translation>
    </message>
    <message>
        <source>Snooze for an hour</source>
        <translation>تعویق برای یک ساعت</translation>
    </message>
    <message>
        <source>Snooze until tomorrow morning</source>
        <translation>تعویق تا فردا صبح</translation>
    </message>
    <message>
        <source>Snooze for a week</source>
        <translation>تعویق برای یک هفته</translation>
    </message>
    <message>
        <source>More</source>
        <translation>بیشتر</translation>
    </message>
    <message>
        <source>More actions</source>
        <translation>کارهای بیشتر</translation>
    </message>
    <message>
        <source>Actions that do not fit beside the conversation</source>
        <translation>کارهایی که کنار گفتگو جا نمی‌شوند</translation>
    </message>
    <message>
        <source>No conversation is open</source>
        <translation>هیچ گفتگویی باز نیست</translation>
    </message>
    <message>
        <source>Not signed in yet</source>
        <translation>هنوز وارد نشده‌اید</translation>
    </message>
</context>
<context>
    <name>threadline::ui::ConversationDelegate</name>
    <message>
        <source>waiting %1</source>
        <translation>در انتظار %1</translation>
    </message>
    <message>
        <source>answered</source>
        <translation>پاسخ داده شده</translation>
    </message>
    <message>
        <source>unassigned</source>
        <translation>واگذار نشده</translation>
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
    <message>
        <source>What we know</source>
        <translation>آنچه می‌دانیم</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>سفارش‌ها</translation>
    </message>
    <message>
        <source>Last wrote: %1</source>
        <translation>آخرین پیام: %1</translation>
    </message>
    <message>
        <source>Last answered by %1</source>
        <translation>آخرین پاسخ از %1</translation>
    </message>
    <message>
        <source>Usually writes by %1</source>
        <translation>معمولاً از راه %1 پیام می‌دهد</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>pickup code %1</source>
        <translation>کد تحویل %1</translation>
    </message>
    <message>
        <source>No orders</source>
        <translation>سفارشی ندارد</translation>
    </message>
    <message>
        <source>Merged customers</source>
        <translation>مشتری‌های ادغام‌شده</translation>
    </message>
    <message>
        <source>Undo merge</source>
        <translation>لغو ادغام</translation>
    </message>
    <message>
        <source>Undo the merge with %1</source>
        <translation>لغو ادغام با %1</translation>
    </message>
</context>
<context>
    <name>threadline::ui::FloorChart</name>
    <message>
        <source>Customers waiting</source>
        <translation>مشتریان در انتظار</translation>
    </message>
    <message>
        <source>SLA (%)</source>
        <translation>سطح خدمت (٪)</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>در انتظار</translation>
    </message>
</context>
<context>
    <name>threadline::ui::HtmlEmailView</name>
    <message>
        <source>Original formatting</source>
        <translation>قالب اصلی</translation>
    </message>
    <message>
        <source>Original formatting: %1</source>
        <translation>قالب اصلی: %1</translation>
    </message>
    <message>
        <source>Open link</source>
        <translation>باز کردن پیوند</translation>
    </message>
    <message>
        <source>Open this address?
%1</source>
        <translation>این نشانی باز شود؟
%1</translation>
    </message>
</context>
<context>
    <name>threadline::ui::LogCallDialog</name>
    <message>
        <source>Log call</source>
        <translation>ثبت تماس</translation>
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
        <source>What was said, what was promised</source>
        <translation>چه گفته شد، چه قولی داده شد</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>جهت</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>شماره</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>مدت</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>نتیجه</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>یادداشت‌ها</translation>
    </message>
    <message>
        <source>The outcomes are not loaded yet; connect to the server to log the call.</source>
        <translation>فهرست نتیجه‌ها هنوز بارگیری نشده است؛ برای ثبت تماس به سرور وصل شوید.</translation>
    </message>
    <message>
        <source>Start timer</source>
        <translation>شروع زمان‌سنج</translation>
    </message>
    <message>
        <source>Stop timer</source>
        <translation>توقف زمان‌سنج</translation>
    </message>
</context>
<context>
    <name>threadline::ui::MainWindow</name>
    <message>
        <source>Threadline</source>
        <translation>تردلاین</translation>
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
        <source>Channel</source>
        <translation>کانال</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>وضعیت</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>هر وضعیتی</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>باز</translation>
    </message>
    <message>
        <source>Snoozed</source>
        <translation>به تعویق افتاده</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>حل‌شده</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>برچسب</translation>
    </message>
    <message>
        <source>Any label</source>
        <translation>هر برچسبی</translation>
    </message>
    <message>
        <source>%1 (%2 · %3 unread)</source>
        <translation>%1 (%2 · %3 خوانده‌نشده)</translation>
    </message>
    <message>
        <source>&amp;Account</source>
        <translation>&amp;حساب کاربری</translation>
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
    <message>
        <source>Conversations</source>
        <translation>گفتگوها</translation>
    </message>
    <message>
        <source>Queue monitor</source>
        <translation>پایش صف‌ها</translation>
    </message>
    <message>
        <source>Order desk</source>
        <translation>میز سفارش</translation>
    </message>
    <message>
        <source>Available</source>
        <translation>در دسترس</translation>
    </message>
    <message>
        <source>Busy</source>
        <translation>مشغول</translation>
    </message>
    <message>
        <source>Away</source>
        <translation>دور از میز</translation>
    </message>
    <message>
        <source>What supervisors see of you</source>
        <translation>آنچه سرپرستان از وضعیت شما می‌بینند</translation>
    </message>
    <message>
        <source>Someone already answered</source>
        <translation>کسی پیش‌تر پاسخ داده است</translation>
    </message>
    <message>
        <source>%1 replied to this customer while you were writing. Send yours as well?</source>
        <translation>%1 در حالی که شما می‌نوشتید به این مشتری پاسخ داد. پاسخ شما هم ارسال شود؟</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>تنظیمات…</translation>
    </message>
    <message>
        <source>Filter customers</source>
        <translation>فیلتر مشتریان</translation>
    </message>
    <message>
        <source>The disk is full</source>
        <translation>دیسک پر است</translation>
    </message>
    <message>
        <source>The profile folder is read-only</source>
        <translation>پوشهٔ نمایه فقط‌خواندنی است</translation>
    </message>
    <message>
        <source>This computer could not save it</source>
        <translation>این رایانه نتوانست آن را ذخیره کند</translation>
    </message>
    <message>
        <source>%1: your reply was not sent. Its text is back in the composer.</source>
        <translation>%1: پاسخ شما فرستاده نشد. متن آن به جعبهٔ نوشتن برگشت.</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>مشتریان</translation>
    </message>
    <message>
        <source>Presence</source>
        <translation>وضعیت حضور</translation>
    </message>
    <message>
        <source>Search customers, messages and orders</source>
        <translation>جستجوی مشتریان، پیام‌ها و سفارش‌ها</translation>
    </message>
    <message>
        <source>Search the open thread</source>
        <translation>جستجو در گفتگوی باز</translation>
    </message>
    <message>
        <source>Next customer</source>
        <translation>مشتری بعدی</translation>
    </message>
    <message>
        <source>Previous customer</source>
        <translation>مشتری قبلی</translation>
    </message>
    <message>
        <source>Show my conversations</source>
        <translation>نمایش گفتگوهای من</translation>
    </message>
    <message>
        <source>Show the queue</source>
        <translation>نمایش صف</translation>
    </message>
    <message>
        <source>Show all conversations</source>
        <translation>نمایش همهٔ گفتگوها</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>پاسخ</translation>
    </message>
    <message>
        <source>Commands…</source>
        <translation>فرمان‌ها…</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>میان‌برهای صفحه‌کلید</translation>
    </message>
    <message>
        <source>Set presence: %1</source>
        <translation>وضعیت حضور: %1</translation>
    </message>
    <message>
        <source>Open the conversations</source>
        <translation>باز کردن گفتگوها</translation>
    </message>
    <message>
        <source>Open the queue monitor</source>
        <translation>باز کردن پایش صف‌ها</translation>
    </message>
    <message>
        <source>Open the order desk</source>
        <translation>باز کردن میز سفارش</translation>
    </message>
    <message>
        <source>Already open</source>
        <translation>هم‌اکنون باز است</translation>
    </message>
    <message>
        <source>This is the last customer</source>
        <translation>این آخرین مشتری است</translation>
    </message>
    <message>
        <source>This is the first customer</source>
        <translation>این نخستین مشتری است</translation>
    </message>
</context>
<context>
    <name>threadline::ui::MergeDialog</name>
    <message>
        <source>Merge %1 with another customer</source>
        <translation>ادغام %1 با مشتری دیگر</translation>
    </message>
    <message>
        <source>Name, phone number or email address</source>
        <translation>نام، شماره تلفن یا نشانی ایمیل</translation>
    </message>
    <message>
        <source>Find the other customer</source>
        <translation>یافتن مشتری دیگر</translation>
    </message>
    <message>
        <source>Customers found</source>
        <translation>مشتری‌های یافته‌شده</translation>
    </message>
    <message>
        <source>Keep the other customer&apos;s record instead</source>
        <translation>به‌جای آن، پرونده مشتری دیگر بماند</translation>
    </message>
    <message>
        <source>Why they are the same person (optional)</source>
        <translation>چرا هر دو یک نفرند (اختیاری)</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>یادداشت</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>ادغام</translation>
    </message>
    <message>
        <source>Stays</source>
        <translation>می‌ماند</translation>
    </message>
    <message>
        <source>Is merged into it</source>
        <translation>در آن ادغام می‌شود</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>No customer this desktop knows matches</source>
        <translation>هیچ مشتری شناخته‌شده‌ای در این رایانه با این جستجو جور نیست</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message numerus="yes">
        <source>%1 item(s) in the thread</source>
        <translation>
            <numerusform>%1 مورد در این گفتگو</numerusform>
        </translation>
    </message>
    <message>
        <source>Last contact: %1 by %2</source>
        <translation>آخرین تماس: %1 از راه %2</translation>
    </message>
    <message>
        <source>No contact yet</source>
        <translation>هنوز تماسی نبوده</translation>
    </message>
    <message>
        <source>Choose the other customer above.</source>
        <translation>مشتری دیگر را از فهرست بالا انتخاب کنید.</translation>
    </message>
    <message>
        <source>Merging needs a connection to the server. Try again when you are online.</source>
        <translation>ادغام به اتصال به سرور نیاز دارد. وقتی برخط شدید دوباره امتحان کنید.</translation>
    </message>
    <message>
        <source>Their identities, thread and orders move to the customer that stays. You can undo it from the side panel.</source>
        <translation>راه‌های ارتباطی، گفتگو و سفارش‌هایش به مشتری‌ای که می‌ماند منتقل می‌شود. می‌توانید از پنل کناری آن را لغو کنید.</translation>
    </message>
    <message>
        <source>Searching the server too…</source>
        <translation>جست‌وجو در سرور هم…</translation>
    </message>
    <message>
        <source>No customer this computer holds matches. Offline, the server could not be searched.</source>
        <translation>هیچ مشتری‌ای در این رایانه با این جست‌وجو جور نیست. در حالت آفلاین نمی‌شد در سرور جست‌وجو کرد.</translation>
    </message>
    <message>
        <source>Searched only the customers this computer holds: the server could not be searched offline.</source>
        <translation>فقط در مشتریانی که در این رایانه هستند جست‌وجو شد: در حالت آفلاین نمی‌شد در سرور جست‌وجو کرد.</translation>
    </message>
    <message>
        <source>No customer matches, on this computer or on the server</source>
        <translation>هیچ مشتری‌ای، نه در این رایانه و نه در سرور، جور نیست</translation>
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
        <translation>قالب اصلی ایمیل</translation>
    </message>
</context>
<context>
    <name>threadline::ui::OrderDeskView</name>
    <message>
        <source>payment pending</source>
        <translation>در انتظار پرداخت</translation>
    </message>
    <message>
        <source>authorised, not yet captured</source>
        <translation>تأیید شده، هنوز برداشت نشده</translation>
    </message>
    <message>
        <source>voided</source>
        <translation>باطل شده</translation>
    </message>
    <message>
        <source>not yet fulfilled</source>
        <translation>هنوز آماده نشده</translation>
    </message>
    <message>
        <source>Looks like: %1</source>
        <translation>به نظر می‌رسد: %1</translation>
    </message>
    <message>
        <source>Pick an order to see its items, its pickup code and the customer&apos;s thread.</source>
        <translation>یک سفارش را انتخاب کنید تا اقلام، کد تحویل و گفتگوی مشتری را ببینید.</translation>
    </message>
    <message>
        <source>Don&apos;t tell them</source>
        <translation>به مشتری خبر داده نشود</translation>
    </message>
    <message>
        <source>Tell the customer by:</source>
        <translation>خبر دادن به مشتری از راه:</translation>
    </message>
    <message>
        <source>Ready for pickup</source>
        <translation>آمادهٔ تحویل</translation>
    </message>
    <message>
        <source>Picked up</source>
        <translation>تحویل گرفته شد</translation>
    </message>
    <message>
        <source>A note for the customer&apos;s thread</source>
        <translation>یادداشتی برای گفتگوی مشتری</translation>
    </message>
    <message>
        <source>Add note</source>
        <translation>افزودن یادداشت</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>جمع کل</translation>
    </message>
    <message>
        <source>Pickup code</source>
        <translation>کد تحویل</translation>
    </message>
    <message>
        <source>Search orders (%1 or %2), %3 to look up at once</source>
        <translation>جستجوی سفارش‌ها (%1 یا %2)، %3 برای جستجوی فوری</translation>
    </message>
    <message>
        <source>Mark the order ready and tell the customer (%1)</source>
        <translation>سفارش را آماده اعلام کنید و به مشتری خبر دهید (%1)</translation>
    </message>
    <message>
        <source>Record that the customer collected the order (%1)</source>
        <translation>ثبت کنید که مشتری سفارش را تحویل گرفت (%1)</translation>
    </message>
    <message>
        <source>Look an order up by its number, or by the customer&apos;s phone number, email or name.</source>
        <translation>سفارش را با شماره‌اش، یا با شماره تلفن، ایمیل یا نام مشتری پیدا کنید.</translation>
    </message>
    <message>
        <source>No order matches “%1”.</source>
        <translation>هیچ سفارشی با «%1» پیدا نشد.</translation>
    </message>
    <message>
        <source>The customer&apos;s thread appears here.</source>
        <translation>گفتگوی مشتری اینجا نمایش داده می‌شود.</translation>
    </message>
    <message>
        <source>Order %1</source>
        <translation>سفارش %1</translation>
    </message>
    <message>
        <source>Placed on %1 via %2</source>
        <translation>ثبت در %1 از طریق %2</translation>
    </message>
    <message>
        <source>× %1</source>
        <translation>× %1</translation>
    </message>
    <message>
        <source>The shop sent no items for this order.</source>
        <translation>فروشگاه اقلامی برای این سفارش نفرستاده است.</translation>
    </message>
    <message>
        <source>Payment: %1 · Fulfilment: %2</source>
        <translation>پرداخت: %1 · تحویل: %2</translation>
    </message>
    <message>
        <source>No pickup code</source>
        <translation>بدون کد تحویل</translation>
    </message>
    <message>
        <source>Marked ready on %1 at %2</source>
        <translation>در %1 ساعت %2 آماده اعلام شد</translation>
    </message>
    <message>
        <source>Picked up on %1 at %2</source>
        <translation>در %1 ساعت %2 تحویل داده شد</translation>
    </message>
    <message>
        <source>Marked ready by %1 on %2 at %3</source>
        <translation>%1 در %2 ساعت %3 آن را آماده اعلام کرد</translation>
    </message>
    <message>
        <source>Picked up by %1 on %2 at %3</source>
        <translation>%1 در %2 ساعت %3 آن را تحویل داد</translation>
    </message>
    <message>
        <source>SMS to %1</source>
        <translation>پیامک به %1</translation>
    </message>
    <message>
        <source>Email to %1</source>
        <translation>ایمیل به %1</translation>
    </message>
    <message>
        <source>The customer&apos;s thread</source>
        <translation>گفتگوی مشتری</translation>
    </message>
    <message>
        <source>Thread with %1</source>
        <translation>گفتگو با %1</translation>
    </message>
</context>
<context>
    <name>threadline::ui::OrderSearchInput</name>
    <message>
        <source>Order number, phone, email or name</source>
        <translation>شماره سفارش، تلفن، ایمیل یا نام</translation>
    </message>
    <message>
        <source>order number</source>
        <translation>شماره سفارش</translation>
    </message>
    <message>
        <source>phone number</source>
        <translation>شماره تلفن</translation>
    </message>
    <message>
        <source>email address</source>
        <translation>نشانی ایمیل</translation>
    </message>
    <message>
        <source>name</source>
        <translation>نام</translation>
    </message>
    <message>
        <source>Find an order</source>
        <translation>یافتن سفارش</translation>
    </message>
</context>
<context>
    <name>threadline::ui::PickDialog</name>
    <message>
        <source>Optional: what the next person should know</source>
        <translation>اختیاری: آنچه نفر بعدی باید بداند</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>یادداشت:</translation>
    </message>
</context>
<context>
    <name>threadline::ui::QueueMonitorView</name>
    <message>
        <source>Conversations assigned to %1</source>
        <translation>گفتگوهای واگذارشده به %1</translation>
    </message>
    <message>
        <source>Conversations in %1</source>
        <translation>گفتگوهای صف %1</translation>
    </message>
    <message>
        <source>Conversations in %1, %2</source>
        <translation>گفتگوهای صف %1، %2</translation>
    </message>
    <message>
        <source>Pick a queue or an agent to see their conversations.</source>
        <translation>برای دیدن گفتگوها، یک صف یا یک کارشناس را انتخاب کنید.</translation>
    </message>
    <message>
        <source>%1 available, %2 busy, %3 away</source>
        <translation>%1 در دسترس، %2 مشغول، %3 غایب</translation>
    </message>
    <message>
        <source>%1 (%2, %3 open)</source>
        <translation>%1 (%2، %3 باز)</translation>
    </message>
    <message>
        <source>Reassign conversation</source>
        <translation>واگذاری دوبارهٔ گفتگو</translation>
    </message>
    <message>
        <source>Agent:</source>
        <translation>کارشناس:</translation>
    </message>
    <message>
        <source>Move to queue</source>
        <translation>انتقال به صف</translation>
    </message>
    <message>
        <source>Queue:</source>
        <translation>صف:</translation>
    </message>
    <message>
        <source>Queues</source>
        <translation>صف‌ها</translation>
    </message>
    <message>
        <source>The last hour</source>
        <translation>یک ساعت گذشته</translation>
    </message>
    <message>
        <source>Agents</source>
        <translation>کارشناسان</translation>
    </message>
    <message>
        <source>Filter agents by name</source>
        <translation>پالایش کارشناسان بر اساس نام</translation>
    </message>
    <message>
        <source>Any presence</source>
        <translation>هر وضعیتی</translation>
    </message>
    <message>
        <source>Reassign…</source>
        <translation>واگذاری دوباره…</translation>
    </message>
    <message>
        <source>Give the conversation to another agent, with a note</source>
        <translation>سپردن گفتگو به کارشناسی دیگر، همراه با یادداشت</translation>
    </message>
    <message>
        <source>Move to queue…</source>
        <translation>انتقال به صف…</translation>
    </message>
    <message>
        <source>Move the conversation to another queue, with a note</source>
        <translation>انتقال گفتگو به صفی دیگر، همراه با یادداشت</translation>
    </message>
    <message>
        <source>Open thread</source>
        <translation>باز کردن گفتگو</translation>
    </message>
    <message>
        <source>Open the conversation&apos;s thread (Enter)</source>
        <translation>باز کردن رشتهٔ گفتگو (Enter)</translation>
    </message>
    <message>
        <source>Drag a conversation onto an agent to give it to them</source>
        <translation>برای سپردن گفتگو به یک کارشناس، آن را روی نام او بکشید</translation>
    </message>
    <message>
        <source>Filter agents</source>
        <translation>فیلتر کارشناسان</translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation>گفتگوها</translation>
    </message>
</context>
<context>
    <name>threadline::ui::QueueTableProxy</name>
    <message>
        <source>All channels</source>
        <translation>همهٔ کانال‌ها</translation>
    </message>
    <message>
        <source>Amber from %1, red from %2</source>
        <translation>کهربایی از %1، قرمز از %2</translation>
    </message>
    <message>
        <source>Share answered within %1 over the last hour; amber below %2, red below %3</source>
        <translation>سهم پاسخ‌های داده‌شده در کمتر از %1 در یک ساعت گذشته؛ کهربایی زیر %2، قرمز زیر %3</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>صف</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>کانال</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>در انتظار</translation>
    </message>
    <message>
        <source>Longest wait</source>
        <translation>طولانی‌ترین انتظار</translation>
    </message>
    <message>
        <source>Average wait</source>
        <translation>میانگین انتظار</translation>
    </message>
    <message>
        <source>Handle time</source>
        <translation>زمان رسیدگی</translation>
    </message>
    <message>
        <source>SLA</source>
        <translation>سطح خدمت</translation>
    </message>
</context>
<context>
    <name>threadline::ui::SearchPalette</name>
    <message>
        <source>Type to search this thread.</source>
        <translation>برای جستجو در همین گفتگو بنویسید.</translation>
    </message>
    <message>
        <source>Type a name, phone, email, order number or words from a message.</source>
        <translation>نام، تلفن، ایمیل، شمارهٔ سفارش یا واژه‌هایی از یک پیام را بنویسید.</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>در حال جستجو…</translation>
    </message>
    <message numerus="yes">
        <source>%n result(s) on this computer; asking the hub…</source>
        <translation>
            <numerusform>%Ln نتیجه روی این رایانه؛ در حال پرسیدن از سرور…</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing found.</source>
        <translation>چیزی پیدا نشد.</translation>
    </message>
    <message numerus="yes">
        <source>%n result(s). Enter opens, Esc closes.</source>
        <translation>
            <numerusform>%Ln نتیجه. Enter باز می‌کند.</numerusform>
        </translation>
    </message>
    <message>
        <source>Search this thread</source>
        <translation>جستجو در این گفتگو</translation>
    </message>
    <message>
        <source>Search customers, messages and orders</source>
        <translation>جستجوی مشتریان، پیام‌ها و سفارش‌ها</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>جستجو</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>نتایج جستجو</translation>
    </message>
    <message>
        <source>In the thread with %1</source>
        <translation>در گفتگو با %1</translation>
    </message>
</context>
<context>
    <name>threadline::ui::SearchPaletteDelegate</name>
    <message>
        <source>on the hub</source>
        <translation>روی سرور</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>مشتریان</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>پیام‌ها</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>سفارش‌ها</translation>
    </message>
    <message>
        <source>Customer %1</source>
        <translation>مشتری %1</translation>
    </message>
</context>
<context>
    <name>threadline::ui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>تنظیمات</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>زبان سیستم</translation>
    </message>
    <message>
        <source>The new language applies the next time Threadline starts.</source>
        <translation>زبان تازه از اجرای بعدی تردلاین اعمال می‌شود.</translation>
    </message>
    <message>
        <source>The language&apos;s digits</source>
        <translation>ارقام همان زبان</translation>
    </message>
    <message>
        <source>Latin digits (0-9)</source>
        <translation>ارقام لاتین (0-9)</translation>
    </message>
    <message>
        <source>As the language has it</source>
        <translation>مطابق زبان</translation>
    </message>
    <message>
        <source>Gregorian</source>
        <translation>میلادی</translation>
    </message>
    <message>
        <source>Persian (Jalali)</source>
        <translation>هجری شمسی (جلالی)</translation>
    </message>
    <message>
        <source>Islamic (civil)</source>
        <translation>هجری قمری</translation>
    </message>
    <message>
        <source>Saturday</source>
        <translation>شنبه</translation>
    </message>
    <message>
        <source>Sunday</source>
        <translation>یکشنبه</translation>
    </message>
    <message>
        <source>Monday</source>
        <translation>دوشنبه</translation>
    </message>
    <message>
        <source>System</source>
        <translation>مطابق سیستم</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>روشن</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>تیره</translation>
    </message>
    <message>
        <source>Keep everything</source>
        <translation>نگه‌داشتن همه</translation>
    </message>
    <message>
        <source> days</source>
        <translation> روز</translation>
    </message>
    <message>
        <source>Older conversations stay on the server.</source>
        <translation>گفتگوهای قدیمی‌تر روی سرور می‌مانند.</translation>
    </message>
    <message>
        <source>Play a sound with a new-assignment notice</source>
        <translation>پخش صدا همراه اعلان واگذاری تازه</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>زبان:</translation>
    </message>
    <message>
        <source>&amp;Digits:</source>
        <translation>ارقام:</translation>
    </message>
    <message>
        <source>&amp;Calendar:</source>
        <translation>تقویم:</translation>
    </message>
    <message>
        <source>&amp;Week starts on:</source>
        <translation>آغاز هفته:</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>پوسته:</translation>
    </message>
    <message>
        <source>&amp;Keep history on this computer:</source>
        <translation>نگه‌داری تاریخچه روی این رایانه:</translation>
    </message>
    <message>
        <source>Notifications:</source>
        <translation>اعلان‌ها:</translation>
    </message>
    <message>
        <source>General</source>
        <translation>عمومی</translation>
    </message>
    <message>
        <source>Canned responses</source>
        <translation>پاسخ‌های آماده</translation>
    </message>
</context>
<context>
    <name>threadline::ui::ShortcutSheet</name>
    <message>
        <source>Copy the selected item</source>
        <translation>رونوشت از مورد انتخاب‌شده</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>میان‌برهای صفحه‌کلید</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>کلیدها</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>کار</translation>
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
    <message>
        <source>It has expired.</source>
        <translation>منقضی شده است.</translation>
    </message>
    <message>
        <source>It is not valid yet (check this computer&apos;s date and time).</source>
        <translation>هنوز معتبر نشده است (تاریخ و ساعت این رایانه را بررسی کنید).</translation>
    </message>
    <message>
        <source>It is self-signed: no certificate authority vouches for it.</source>
        <translation>خودامضا است: هیچ مرجع صدور گواهی آن را تأیید نکرده است.</translation>
    </message>
    <message>
        <source>It was issued for another server name, not for %1.</source>
        <translation>برای نام سرور دیگری صادر شده است، نه برای %1.</translation>
    </message>
    <message>
        <source>It was issued by a certificate authority this computer does not know.</source>
        <translation>یک مرجع صدور گواهی که این رایانه آن را نمی‌شناسد صادرش کرده است.</translation>
    </message>
    <message>
        <source>It has been revoked.</source>
        <translation>باطل شده است.</translation>
    </message>
    <message>
        <source>It could not be verified.</source>
        <translation>قابل تأیید نبود.</translation>
    </message>
    <message>
        <source>Trust a certificate authority…</source>
        <translation>اعتماد به یک مرجع صدور گواهی…</translation>
    </message>
    <message>
        <source>Nothing answers at %1. Check the server address, or ask your IT team whether the Threadline server is running.</source>
        <translation>هیچ پاسخی از %1 نمی‌آید. نشانی سرور را بررسی کنید یا از واحد فناوری اطلاعات بپرسید که آیا سرور تردلاین روشن است.</translation>
    </message>
    <message>
        <source>The server name %1 was not found. Check the address for typing mistakes.</source>
        <translation>نام سرور %1 پیدا نشد. نشانی را از نظر اشتباه تایپی بررسی کنید.</translation>
    </message>
    <message>
        <source>The server at %1 did not answer in time. Check your network connection.</source>
        <translation>سرور %1 به‌موقع پاسخ نداد. اتصال شبکه را بررسی کنید.</translation>
    </message>
    <message>
        <source>The server at %1 cannot be reached. Check your network connection.</source>
        <translation>دسترسی به سرور %1 ممکن نیست. اتصال شبکه را بررسی کنید.</translation>
    </message>
    <message>
        <source>The server&apos;s certificate is not trusted, so Threadline did not connect.</source>
        <translation>گواهی سرور مورد اعتماد نیست، بنابراین تردلاین وصل نشد.</translation>
    </message>
    <message>
        <source>If your IT team gave you a certificate authority file, choose “Trust a certificate authority…”.</source>
        <translation>اگر واحد فناوری اطلاعات به شما فایل مرجع صدور گواهی داده است، «اعتماد به یک مرجع صدور گواهی…» را انتخاب کنید.</translation>
    </message>
    <message>
        <source>The user name or password is wrong.</source>
        <translation>نام کاربری یا گذرواژه نادرست است.</translation>
    </message>
    <message>
        <source>The server at %1 runs an older version of Threadline (or another program) that this desktop cannot talk to. Ask your IT team to update the server.</source>
        <translation>سرور %1 نسخهٔ قدیمی‌تری از تردلاین (یا برنامهٔ دیگری) را اجرا می‌کند که این میز کار نمی‌تواند با آن کار کند. از واحد فناوری اطلاعات بخواهید سرور را به‌روز کند.</translation>
    </message>
    <message>
        <source>The server refused the sign-in (%1).</source>
        <translation>سرور ورود را نپذیرفت (%1).</translation>
    </message>
    <message>
        <source>Issued to: %1
Issued by: %2
SHA-256 fingerprint: %3</source>
        <translation>صادرشده برای: %1
صادرکننده: %2
اثر انگشت SHA-256: %3</translation>
    </message>
    <message>
        <source>Trust a certificate authority</source>
        <translation>اعتماد به یک مرجع صدور گواهی</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>گواهی‌ها (*.pem *.crt *.cer);;همهٔ فایل‌ها (*)</translation>
    </message>
    <message>
        <source>This computer now trusts %1 for Threadline. Enter your password and sign in again.</source>
        <translation>این رایانه اکنون برای تردلاین به %1 اعتماد دارد. گذرواژه را وارد کنید و دوباره وارد شوید.</translation>
    </message>
    <message>
        <source>That file cannot be read.</source>
        <translation>آن فایل خوانده نمی‌شود.</translation>
    </message>
    <message>
        <source>That certificate authority has expired or is not valid yet.</source>
        <translation>آن مرجع صدور گواهی منقضی شده یا هنوز معتبر نیست.</translation>
    </message>
    <message>
        <source>The profile folder cannot keep the certificate authority.</source>
        <translation>پوشهٔ نمایه نمی‌تواند مرجع صدور گواهی را نگه دارد.</translation>
    </message>
    <message>
        <source>That file holds no certificate in PEM format (“BEGIN CERTIFICATE”).</source>
        <translation>آن فایل هیچ گواهی‌ای در قالب PEM («BEGIN CERTIFICATE») ندارد.</translation>
    </message>
</context>
<context>
    <name>threadline::ui::StorageBanner</name>
    <message>
        <source>Local storage</source>
        <translation>فضای ذخیرهٔ محلی</translation>
    </message>
    <message>
        <source>The disk is full: new messages are not being saved on this computer. What you see stays; free some space and Threadline catches up by itself.</source>
        <translation>دیسک پر است: پیام‌های تازه روی این رایانه ذخیره نمی‌شوند. آنچه می‌بینید می‌ماند؛ کمی فضا آزاد کنید تا تردلاین خودش عقب‌ماندگی را جبران کند.</translation>
    </message>
    <message>
        <source>The profile folder is read-only: new messages are not being saved on this computer. What you see stays; Threadline catches up once the folder can be written again.</source>
        <translation>پوشهٔ نمایه فقط‌خواندنی است: پیام‌های تازه روی این رایانه ذخیره نمی‌شوند. آنچه می‌بینید می‌ماند؛ وقتی پوشه دوباره نوشتنی شود، تردلاین عقب‌ماندگی را جبران می‌کند.</translation>
    </message>
    <message>
        <source>This computer&apos;s cache cannot be written (%1): new messages are not being saved. Threadline keeps trying.</source>
        <translation>حافظهٔ محلی این رایانه نوشتنی نیست (%1): پیام‌های تازه ذخیره نمی‌شوند. تردلاین همچنان تلاش می‌کند.</translation>
    </message>
</context>
<context>
    <name>threadline::ui::TimelineView</name>
    <message>
        <source>Scroll the thread</source>
        <translation>پیمایش رشتهٔ گفتگو</translation>
    </message>
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
    <message>
        <source>Save %1…</source>
        <translation>ذخیرهٔ %1…</translation>
    </message>
    <message>
        <source>Show original formatting</source>
        <translation>نمایش قالب اصلی</translation>
    </message>
    <message>
        <source>Thread</source>
        <translation>رشتهٔ گفتگو</translation>
    </message>
</context>
</TS>
