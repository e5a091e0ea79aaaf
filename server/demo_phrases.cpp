// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/demo_phrases.h"

namespace threadline::server::demo {

QString utf8(const char *text)
{
    return QString::fromUtf8(text);
}

namespace {

const Phrases kPersian{
    {"زهرا|zahra", "علی|ali", "مریم|maryam", "رضا|reza", "فاطمه|fatemeh", "حسین|hossein",
     "سارا|sara", "محمد|mohammad", "نگار|negar", "امیر|amir", "الهام|elham", "مهدی|mahdi",
     "لیلا|leila", "سعید|saeed", "پریسا|parisa", "کاوه|kaveh", "شیرین|shirin", "بهرام|bahram"},
    {"احمدی|ahmadi", "محمدی|mohammadi", "حسینی|hosseini", "رضایی|rezaei", "کریمی|karimi",
     "موسوی|mousavi", "جعفری|jafari", "صادقی|sadeghi", "رحیمی|rahimi", "نوری|nouri", "کاظمی|kazemi",
     "تهرانی|tehrani", "شریفی|sharifi", "اکبری|akbari"},
    {
        {"پیگیری ارسال سفارش %ORDER%",
         {"سلام، سفارش %ORDER% را هفته پیش ثبت کردم ولی هنوز به دستم نرسیده. کی ارسال "
          "می‌شود؟",
          "سلام وقت بخیر. قرار بود سفارش %ORDER% دیروز برسد اما خبری نشد. لطفاً پیگیری کنید."},
         {"سلام %NAME% عزیز، پوزش می‌خواهیم. سفارش %ORDER% امروز از انبار خارج شد و "
          "تا "
          "دو "
          "روز "
          "کاری به دستتان می‌رسد.",
          "با سلام، بررسی کردم؛ مرسوله به دلیل حجم بالای سفارش‌ها با تأخیر به پست "
          "تحویل "
          "شد. "
          "کد "
          "رهگیری را برایتان پیامک کردیم."},
         {"کد رهگیری را گرفتم ولی در سایت پست هنوز چیزی نشان "
          "نمی‌دهد.",
          "ممنون. فقط لطفاً قبل از آمدن پیک تماس بگیرند، چون روزها سر کارم."},
         {"اطلاعات پست معمولاً تا ۲۴ ساعت به‌روز می‌شود. اگر تا فردا عصر "
          "نرسید "
          "همین‌جا "
          "خبر "
          "بدهید تا پیگیری کنیم.",
          "به واحد ارسال یادداشت گذاشتم که قبل از تحویل با شما هماهنگ کنند."},
         "مشتری درباره تأخیر ارسال %ORDER% تماس گرفت؛ کد رهگیری خوانده شد و قول پیگیری تا فردا "
         "داده شد.",
         "ارسال %ORDER% سه روز عقب افتاده؛ اگر فردا هم نرسید هزینه ارسال را برگردانیم."},
        {"سایز اشتباه در سفارش %ORDER%",
         {"سلام، کفشی که در سفارش %ORDER% رسید سایز ۴۲ است ولی من ۴۰ سفارش داده بودم.",
          "سلام. مانتو رسید ولی سایزش بزرگ است. امکان تعویض دارد؟"},
         {"سلام %NAME% جان، بابت این اشتباه عذر می‌خواهیم. می‌توانید کالا "
          "را "
          "در "
          "بسته‌بندی "
          "اصلی به فروشگاه بیاورید یا پیک ما آن را رایگان تحویل بگیرد.",
          "حتماً امکان تعویض هست. لطفاً عکس برچسب سایز را بفرستید تا درخواست مرجوعی ثبت شود."},
         {"عکس را فرستادم. پیک کی می‌آید؟",
          "ترجیح می‌دهم خودم به شعبه ونک بیاورم."},
         {"درخواست تعویض ثبت شد. پیک پنجشنبه بین ساعت ۱۰ تا ۱۴ مراجعه می‌کند و سایز "
          "درست "
          "را "
          "همان "
          "موقع تحویل می‌دهد.",
          "هماهنگ شد؛ با ارائه شماره سفارش در شعبه تعویض انجام "
          "می‌شود."},
         "تماس برای تعویض سایز %ORDER%؛ زمان مراجعه پیک هماهنگ شد.",
         "انبار دوباره سایز اشتباه فرستاده؛ به سرپرست انبار اطلاع داده شد."},
        {"درخواست بازگشت وجه سفارش %ORDER%",
         {"سلام، سفارش %ORDER% را لغو کردم ولی مبلغ هنوز به حسابم برنگشته.",
          "سلام، کالا را مرجوع کردم و ده روز گذشته. بازگشت وجه چه شد؟"},
         {"سلام، درخواست شما تأیید شده و مبلغ طی ۳ تا ۵ روز کاری به همان کارتی که پرداخت کردید "
          "برمی‌گردد.",
          "پوزش بابت تأخیر. واحد مالی بازپرداخت را امروز انجام داد؛ شماره پیگیری بانکی را پیامک "
          "کردیم."},
         {"مبلغ برگشت ولی هزینه ارسال کسر شده. چرا؟", "ممنون، رسید."},
         {"طبق قوانین، هزینه ارسال در مرجوعی‌های بدون ایراد کسر می‌شود، اما چون "
          "تأخیر "
          "از "
          "طرف "
          "ما بوده این بار کامل برمی‌گردانیم.",
          "خوشحالیم که مشکل حل شد. روز خوبی داشته باشید."},
         "مشتری پیگیر بازگشت وجه %ORDER% بود؛ وضعیت در سامانه مالی بررسی و اطلاع داده شد.",
         "بازپرداخت %ORDER% دستی انجام شد؛ شماره پیگیری در پرونده مالی ثبت است."},
        {"تحویل حضوری سفارش %ORDER%",
         {"سلام، گزینه تحویل در فروشگاه را زدم. از کی می‌توانم "
          "سفارش "
          "%ORDER% "
          "را "
          "بگیرم؟",
          "سلام، می‌خواهم سفارشم را خودم از شعبه بگیرم. ساعت کاری "
          "شعبه "
          "تا "
          "چند "
          "است؟"},
         {"سلام %NAME% عزیز، سفارش شما در شعبه آماده است. شنبه تا پنجشنبه از ۱۰ تا ۲۱ با کارت ملی "
          "مراجعه کنید.",
          "سفارش فردا ظهر به شعبه می‌رسد و پیامک "
          "آماده‌بودن "
          "برایتان "
          "ارسال "
          "می‌شود."},
         {"همسرم می‌تواند به جای من بیاید؟",
          "امروز آمدم ولی گفتند هنوز نرسیده!"},
         {"بله، با ارائه کد تحویل که پیامک شده و کارت ملی خودشان "
          "امکان‌پذیر "
          "است.",
          "عذرخواهی می‌کنم، بسته در انبار شعبه بوده و ثبت نشده بود. "
          "اکنون "
          "آماده "
          "تحویل "
          "است."},
         "تماس درباره تحویل حضوری %ORDER%؛ ساعت کاری شعبه و مدارک لازم گفته شد.",
         "شعبه ونک رسید مرسوله %ORDER% را ثبت نکرده بود؛ به مدیر شعبه گفته شد."},
        {"تغییر آدرس ارسال",
         {"سلام، آدرسم عوض شده. می‌شود سفارش %ORDER% را به "
          "آدرس "
          "جدید "
          "بفرستید؟",
          "سلام، در آدرس سفارش پلاک را اشتباه نوشتم. لطفاً اصلاح کنید."},
         {"سلام، اگر سفارش هنوز ارسال نشده باشد امکان تغییر هست. لطفاً آدرس کامل و کد پستی را "
          "بفرستید.",
          "آدرس اصلاح شد. لطفاً یک بار دیگر در حساب کاربری بررسی کنید."},
         {"تهران، سعادت‌آباد، خیابان سرو غربی، پلاک ۱۲، واحد "
          "۴. "
          "کد "
          "پستی "
          "۱۹۹۸۷۶۵۴۳۲",
          "درست است، ممنون."},
         {"آدرس جدید روی سفارش %ORDER% ثبت شد و برچسب ارسال دوباره چاپ "
          "می‌شود.",
          "خواهش می‌کنم، در خدمتیم."},
         "مشتری برای تغییر آدرس %ORDER% تماس گرفت؛ آدرس جدید تأیید شد.",
         "آدرس %ORDER% بعد از صدور برچسب عوض شد؛ انبار در جریان است."},
        {"مشکل ورود به حساب کاربری",
         {"سلام، رمز عبورم را فراموش کرده‌ام و پیامک "
          "بازیابی "
          "نمی‌آید.",
          "سلام، نمی‌توانم وارد حسابم شوم. می‌گوید رمز "
          "اشتباه "
          "است."},
         {"سلام، لینک بازیابی رمز را به ایمیلتان فرستادیم. لطفاً پوشه اسپم را هم ببینید.",
          "برای امنیت حساب، رمز را نمی‌توانیم تلفنی عوض کنیم؛ از گزینه "
          "«فراموشی "
          "رمز» "
          "استفاده "
          "کنید، لینک ۳۰ دقیقه اعتبار دارد."},
         {"لینک آمد ولی می‌گوید منقضی شده.", "درست شد، ممنون."},
         {"یک لینک تازه فرستادم؛ لطفاً همین حالا بازش کنید.", "خوشحالم که درست شد."},
         "مشتری برای بازیابی رمز تماس گرفت؛ راهنمایی شد از لینک ایمیل استفاده کند.",
         "پیامک‌های بازیابی برای اپراتور رایتل دیر می‌رسد؛ به "
         "تیم "
         "فنی "
         "گزارش "
         "شد."},
        {"کالای آسیب‌دیده در سفارش %ORDER%",
         {"سلام، بسته امروز رسید ولی لیوان‌ها شکسته بودند.",
          "سلام، کارتن مرسوله %ORDER% خیس و پاره بود و کتاب‌ها "
          "خراب "
          "شده‌اند."},
         {"سلام، واقعاً متأسفیم. لطفاً از کالا و بسته‌بندی عکس بفرستید تا جایگزین "
          "بدون "
          "هزینه "
          "ارسال "
          "شود.",
          "پوزش می‌خواهیم. می‌توانید بین ارسال جایگزین یا بازگشت "
          "کامل "
          "وجه "
          "انتخاب "
          "کنید."},
         {"عکس‌ها را فرستادم. جایگزین می‌خواهم.",
          "لطفاً پول را برگردانید."},
         {"جایگزین ثبت شد و با ارسال اکسپرس فردا می‌رسد. نیازی نیست "
          "کالای "
          "شکسته "
          "را "
          "برگردانید.",
          "بازگشت وجه ثبت شد."},
         "تماس درباره کالای آسیب‌دیده %ORDER%؛ مشتری جایگزین "
         "خواست.",
         "سومین گزارش شکستگی از پیک منطقه ۲ در این ماه؛ به واحد لجستیک اطلاع داده شود."},
        {"کسر دوباره مبلغ از کارت",
         {"سلام، برای سفارش %ORDER% دو بار از کارتم پول کم شده.",
          "سلام، پرداخت ناموفق بود ولی مبلغ از حسابم کسر شد."},
         {"سلام، بررسی کردیم؛ تراکنش دوم ناموفق ثبت شده و بانک طی ۷۲ ساعت آن را خودکار "
          "برمی‌گرداند.",
          "لطفاً چهار رقم آخر کارت و زمان تراکنش را بفرستید تا با درگاه بررسی کنیم."},
         {"۷۲ ساعت گذشت و هنوز برنگشته.", "ساعت ۱۴:۲۰ بود، کارت ختم به ۶۰۳۷."},
         {"با درگاه پرداخت تماس گرفتیم؛ مبلغ امروز برگشت داده شد.",
          "تراکنش پیدا شد و برگشت آن ثبت شد."},
         "مشتری از کسر دوباره مبلغ %ORDER% شکایت داشت؛ به واحد مالی ارجاع شد.",
         "تراکنش تکراری %ORDER% در گزارش درگاه دیده می‌شود؛ "
         "برگشت "
         "دستی "
         "لازم "
         "است."},
    },
    {"ممنون از پیگیری‌تان.", "باشه، منتظرم.", "خیلی ممنون 🙏", "متشکرم، حل شد.",
     "لطفاً زودتر بررسی کنید."},
    {"با احترام،\nتیم پشتیبانی", "ارادتمند،\nپشتیبانی فروشگاه"},
    "سفارش %ORDER% ثبت شد",
    "پرداخت سفارش %ORDER% انجام شد",
    "سفارش %ORDER% ارسال شد",
    "سفارش %ORDER% در شعبه آماده تحویل است",
    "سفارش %ORDER% تحویل مشتری شد",
    "مبلغ سفارش %ORDER% بازگردانده شد",
};

const Phrases kArabic{
    {"أحمد|ahmed", "فاطمة|fatima", "محمد|mohammed", "نورة|noura", "خالد|khaled", "ليلى|layla",
     "يوسف|yousef", "مريم|mariam", "عمر|omar", "سلمى|salma", "عبدالله|abdullah", "هند|hind"},
    {"الحربي|alharbi", "العتيبي|alotaibi", "المنصوري|almansouri", "الشمري|alshammari",
     "القحطاني|alqahtani", "الزعابي|alzaabi", "الدوسري|aldosari", "الكعبي|alkaabi"},
    {
        {"متابعة شحن الطلب %ORDER%",
         {"مرحباً، طلبت %ORDER% منذ أسبوع ولم يصلني حتى الآن. متى سيتم الشحن؟",
          "السلام عليكم، كان من المفترض أن يصل الطلب %ORDER% أمس ولم يصل. أرجو المتابعة."},
         {"أهلاً %NAME%، نعتذر عن التأخير. تم شحن الطلب %ORDER% اليوم وسيصلك خلال يومي عمل.",
          "وعليكم السلام، تأخر تسليم الشحنة لشركة التوصيل بسبب ضغط الطلبات. أرسلنا لك رقم التتبع "
          "برسالة نصية."},
         {"وصلني رقم التتبع لكن الموقع لا يظهر أي تحديث.",
          "شكراً، أرجو أن يتصل المندوب قبل الوصول."},
         {"عادةً يتم تحديث التتبع خلال ٢٤ ساعة. إذا لم يصل حتى مساء الغد أخبرنا هنا.",
          "أضفت ملاحظة لفريق التوصيل للتنسيق معك قبل التسليم."},
         "اتصل العميل بخصوص تأخر الطلب %ORDER%؛ تمت قراءة رقم التتبع والوعد بالمتابعة غداً.",
         "الطلب %ORDER% متأخر ثلاثة أيام؛ نعيد رسوم الشحن إذا لم يصل غداً."},
        {"مقاس خاطئ في الطلب %ORDER%",
         {"مرحباً، الحذاء في الطلب %ORDER% مقاس ٤٢ وأنا طلبت ٤٠.",
          "السلام عليكم، وصلت العباءة لكن المقاس كبير. هل يمكن الاستبدال؟"},
         {"أهلاً %NAME%، نعتذر عن الخطأ. يمكنك إعادة المنتج في تغليفه الأصلي إلى الفرع أو سيستلمه "
          "مندوبنا مجاناً.",
          "بالتأكيد يمكن الاستبدال. أرسل لنا صورة لملصق المقاس لنسجل طلب الإرجاع."},
         {"أرسلت الصورة. متى يأتي المندوب؟", "أفضّل أن أحضره بنفسي إلى فرع دبي مول."},
         {"تم تسجيل الاستبدال. سيحضر المندوب يوم الخميس بين ١٠ و٢ ظهراً ومعه المقاس الصحيح.",
          "تم التنسيق؛ يتم الاستبدال في الفرع برقم الطلب."},
         "مكالمة لاستبدال مقاس الطلب %ORDER%؛ تم تحديد موعد المندوب.",
         "المستودع أرسل مقاساً خاطئاً مرة أخرى؛ تم إبلاغ مشرف المستودع."},
        {"طلب استرداد المبلغ للطلب %ORDER%",
         {"مرحباً، ألغيت الطلب %ORDER% ولم يرجع المبلغ إلى حسابي.",
          "أرجعت المنتج منذ عشرة أيام. ماذا حدث للاسترداد؟"},
         {"تمت الموافقة على طلبك وسيعود المبلغ خلال ٣ إلى ٥ أيام عمل إلى نفس البطاقة.",
          "نعتذر عن التأخير. قام القسم المالي بالاسترداد اليوم وأرسلنا رقم المرجع البنكي."},
         {"وصل المبلغ لكن تم خصم رسوم الشحن. لماذا؟", "شكراً، وصل."},
         {"حسب السياسة تُخصم رسوم الشحن، لكن لأن التأخير كان منا سنعيدها كاملة هذه المرة.",
          "يسعدنا أن المشكلة حُلّت. يومك سعيد."},
         "العميل يتابع استرداد الطلب %ORDER%؛ تم التحقق من النظام المالي وإبلاغه.",
         "تم استرداد %ORDER% يدوياً؛ رقم المرجع في الملف المالي."},
        {"الاستلام من الفرع للطلب %ORDER%",
         {"مرحباً، اخترت الاستلام من الفرع. متى يمكنني استلام الطلب %ORDER%؟",
          "أريد استلام طلبي بنفسي من الفرع. ما هي ساعات العمل؟"},
         {"أهلاً %NAME%، طلبك جاهز في الفرع. من السبت إلى الخميس من ١٠ صباحاً حتى ١٠ مساءً مع الهوية.",
          "سيصل الطلب إلى الفرع ظهر الغد وستصلك رسالة عندما يكون جاهزاً."},
         {"هل يمكن لأخي أن يستلمه بدلاً مني؟", "ذهبت اليوم وقالوا إنه لم يصل!"},
         {"نعم، مع رمز الاستلام المرسل إليك وهويته الشخصية.",
          "نعتذر، كان الطرد في مستودع الفرع ولم يُسجّل. هو جاهز الآن."},
         "مكالمة بخصوص استلام الطلب %ORDER% من الفرع؛ تم شرح ساعات العمل والمستندات.",
         "فرع الرياض لم يسجل وصول الطلب %ORDER%؛ تم إبلاغ مدير الفرع."},
        {"تغيير عنوان التوصيل",
         {"مرحباً، تغيّر عنواني. هل يمكن إرسال الطلب %ORDER% إلى العنوان الجديد؟",
          "كتبت رقم المبنى خطأ في العنوان. أرجو التصحيح."},
         {"إذا لم يُشحن الطلب بعد يمكن التغيير. أرسل العنوان الكامل من فضلك.",
          "تم تصحيح العنوان. يرجى التحقق من حسابك."},
         {"دبي، البرشاء ١، شارع ١٧، فيلا ٢٣.", "صحيح، شكراً."},
         {"تم تسجيل العنوان الجديد على الطلب %ORDER% وستتم طباعة ملصق جديد.", "على الرحب والسعة."},
         "اتصل العميل لتغيير عنوان الطلب %ORDER%؛ تم تأكيد العنوان الجديد.",
         "تغيّر عنوان %ORDER% بعد طباعة الملصق؛ المستودع على علم."},
        {"مشكلة في تسجيل الدخول",
         {"نسيت كلمة المرور ورسالة الاستعادة لا تصل.",
          "لا أستطيع الدخول إلى حسابي، يقول كلمة المرور خاطئة."},
         {"أرسلنا رابط استعادة كلمة المرور إلى بريدك. تحقق من مجلد الرسائل غير المرغوبة أيضاً.",
          "لأمان حسابك لا نغيّر كلمة المرور هاتفياً؛ استخدم «نسيت كلمة المرور» والرابط صالح ٣٠ "
          "دقيقة."},
         {"وصل الرابط لكنه منتهي الصلاحية.", "تم الحل، شكراً."},
         {"أرسلت رابطاً جديداً؛ افتحه الآن من فضلك.", "سعيد أن المشكلة حُلّت."},
         "اتصل العميل لاستعادة كلمة المرور؛ تم توجيهه لاستخدام رابط البريد.",
         "رسائل الاستعادة تتأخر مع بعض المشغلين؛ تم إبلاغ الفريق التقني."},
        {"منتج تالف في الطلب %ORDER%",
         {"مرحباً، وصل الطرد اليوم والأكواب مكسورة.",
          "كرتونة الطلب %ORDER% كانت مبللة والكتب تالفة."},
         {"نأسف جداً. أرسل صوراً للمنتج والتغليف وسنرسل بديلاً بدون رسوم.",
          "نعتذر. يمكنك الاختيار بين بديل أو استرداد كامل المبلغ."},
         {"أرسلت الصور. أريد بديلاً.", "أرجو استرداد المبلغ."},
         {"تم تسجيل البديل وسيصل غداً بالشحن السريع. لا حاجة لإرجاع التالف.", "تم تسجيل الاسترداد."},
         "مكالمة بخصوص منتج تالف في الطلب %ORDER%؛ العميل طلب بديلاً.",
         "ثالث بلاغ عن كسر من نفس المندوب هذا الشهر؛ يجب إبلاغ قسم اللوجستيات."},
        {"خصم المبلغ مرتين",
         {"مرحباً، تم خصم مبلغ الطلب %ORDER% مرتين من بطاقتي.",
          "فشلت عملية الدفع لكن المبلغ خُصم من حسابي."},
         {"تحققنا؛ العملية الثانية مسجلة كفاشلة وسيعيدها البنك تلقائياً خلال ٧٢ ساعة.",
          "أرسل آخر أربعة أرقام من البطاقة ووقت العملية لنتحقق مع بوابة الدفع."},
         {"مرت ٧٢ ساعة ولم يرجع المبلغ.", "الساعة ٢:٢٠ ظهراً، البطاقة تنتهي بـ ٤٤١٢."},
         {"تواصلنا مع بوابة الدفع وتمت إعادة المبلغ اليوم.", "وجدنا العملية وتم تسجيل إعادتها."},
         "العميل اشتكى من خصم مزدوج للطلب %ORDER%؛ تمت الإحالة للقسم المالي.",
         "العملية المكررة للطلب %ORDER% ظاهرة في تقرير البوابة؛ يلزم استرداد يدوي."},
    },
    {"شكراً على المتابعة.", "تمام، بانتظاركم.", "شكراً جزيلاً 🙏", "شكراً، تم الحل.", "أرجو الإسراع."},
    {"مع التحية،\nفريق خدمة العملاء", "مع خالص التقدير،\nالدعم الفني"},
    "تم تسجيل الطلب %ORDER%",
    "تم دفع الطلب %ORDER%",
    "تم شحن الطلب %ORDER%",
    "الطلب %ORDER% جاهز للاستلام من الفرع",
    "تم استلام الطلب %ORDER%",
    "تم استرداد مبلغ الطلب %ORDER%",
};

const Phrases kEnglish{
    {"Emma|emma", "James|james", "Olivia|olivia", "Daniel|daniel", "Sophie|sophie",
     "Michael|michael", "Hannah|hannah", "David|david", "Grace|grace", "Thomas|thomas",
     "Chloe|chloe", "Ryan|ryan"},
    {"Smith|smith", "Johnson|johnson", "Brown|brown", "Taylor|taylor", "Wilson|wilson",
     "Clarke|clarke", "Walker|walker", "Hughes|hughes", "Patel|patel", "Evans|evans"},
    {
        {"Where is my order %ORDER%?",
         {"Hi, I placed order %ORDER% last week and it still hasn't arrived. When will it ship?",
          "Hello, order %ORDER% was due yesterday but nothing came. Could you check please?"},
         {"Hi %NAME%, sorry about the wait. Order %ORDER% left the warehouse today and should "
          "reach you within two working days.",
          "I've checked: the parcel was handed to the courier late because of a backlog. We've "
          "texted you the tracking number."},
         {"Got the tracking number but the courier site shows nothing yet.",
          "Thanks. Could the driver call before coming? I'm at work during the day."},
         {"Tracking usually updates within 24 hours. If it hasn't arrived by tomorrow evening, "
          "reply here and we'll chase it.",
          "I've added a note asking the courier to call you before delivery."},
         "Customer called about late delivery of %ORDER%; read out tracking, promised a follow-up "
         "tomorrow.",
         "%ORDER% is three days late; refund the shipping fee if it misses tomorrow too."},
        {"Wrong size in order %ORDER%",
         {"Hi, the trainers in order %ORDER% are a UK 9 but I ordered a 7.",
          "Hello, the jacket arrived but it's too big. Can I exchange it?"},
         {"Hi %NAME%, sorry for the mix-up. You can bring it back to any store in the original "
          "packaging, or our courier will collect it for free.",
          "Of course. Please send a photo of the size label and I'll open the exchange."},
         {"Photo sent. When will the courier come?",
          "I'd rather drop it at the Oxford Street store myself."},
         {"Exchange booked: the courier comes Thursday between 10:00 and 14:00 and brings the "
          "right size.",
          "All set; the store will swap it when you show the order number."},
         "Call about size exchange for %ORDER%; courier slot agreed.",
         "Warehouse sent the wrong size again; warehouse lead informed."},
        {"Refund for order %ORDER%",
         {"Hi, I cancelled order %ORDER% but the money hasn't come back yet.",
          "I returned the item ten days ago. What's happening with my refund?"},
         {"Hi, your refund is approved and will reach the card you paid with in 3 to 5 working "
          "days.",
          "Apologies for the delay. Finance processed the refund today; the bank reference is in "
          "your inbox."},
         {"The refund arrived but the delivery fee was deducted. Why?", "Thanks, received."},
         {"Normally we keep the delivery fee on returns, but since the delay was on our side we'll "
          "refund it in full.",
          "Glad that's sorted. Have a good day."},
         "Customer chasing the refund for %ORDER%; checked the finance system and updated them.",
         "Refund for %ORDER% done manually; bank reference in the finance file."},
        {"Click & collect for order %ORDER%",
         {"Hi, I chose pickup in store. When can I collect order %ORDER%?",
          "I want to collect my order myself. What are the store's opening hours?"},
         {"Hi %NAME%, your order is ready at the store. Open Monday to Saturday 9:00-20:00; bring "
          "photo ID.",
          "It reaches the store tomorrow at noon and you'll get a text when it's ready."},
         {"Can my partner pick it up for me?", "I went today and they said it hasn't arrived!"},
         {"Yes, with the collection code we texted you and their own ID.",
          "I'm sorry, the parcel was in the store's back room and hadn't been scanned. It's ready "
          "now."},
         "Call about store pickup of %ORDER%; explained opening hours and ID.",
         "Store didn't scan in %ORDER%; store manager informed."},
        {"Change of delivery address",
         {"Hi, I've moved. Can you send order %ORDER% to my new address?",
          "I typed the wrong house number on my order. Please fix it."},
         {"If it hasn't shipped yet we can change it. Please send the full address with postcode.",
          "Address corrected. Please double-check it in your account."},
         {"Flat 4, 12 Elm Road, Manchester M14 5RT.", "That's right, thanks."},
         {"The new address is on order %ORDER% and a new label will be printed.",
          "You're welcome."},
         "Customer called to change the address on %ORDER%; new address confirmed.",
         "Address on %ORDER% changed after the label was printed; warehouse aware."},
        {"Can't sign in to my account",
         {"Hi, I forgot my password and the reset text never arrives.",
          "I can't log in, it keeps saying the password is wrong."},
         {"We've emailed you a password reset link. Please check your spam folder too.",
          "For your security we can't change passwords over the phone; use \"Forgot password\", "
          "the link is valid for 30 minutes."},
         {"The link came but says it has expired.", "Sorted, thank you."},
         {"I've sent a fresh link; please open it straight away.", "Glad it works now."},
         "Customer called about a password reset; guided to the email link.",
         "Reset texts are delayed for some carriers; reported to the tech team."},
        {"Damaged item in order %ORDER%",
         {"Hi, the parcel came today and the glasses were smashed.",
          "The box for order %ORDER% was soaked and the books are ruined."},
         {"I'm really sorry. Please send photos of the item and packaging and we'll send a free "
          "replacement.",
          "Apologies. You can choose a replacement or a full refund."},
         {"Photos sent. I'd like a replacement.", "Please refund me."},
         {"Replacement booked on express delivery, arriving tomorrow. No need to return the broken "
          "one.",
          "Refund booked."},
         "Call about damaged item in %ORDER%; customer wants a replacement.",
         "Third breakage report from the same courier route this month; flag to logistics."},
        {"Charged twice",
         {"Hi, I've been charged twice for order %ORDER%.",
          "The payment failed but the money left my account."},
         {"We've checked: the second payment is marked failed and the bank will release it "
          "automatically within 72 hours.",
          "Please send the last four digits of the card and the time of payment so we can check "
          "with the payment provider."},
         {"It's been 72 hours and it's still not back.", "It was at 14:20, card ending 4412."},
         {"We contacted the payment provider and the money was returned today.",
          "Found it; the reversal is booked."},
         "Customer complained of a double charge on %ORDER%; passed to finance.",
         "Duplicate payment for %ORDER% visible in the provider report; manual reversal needed."},
    },
    {"Thanks for following up.", "OK, I'll wait.", "Thank you so much!", "Thanks, that's sorted.",
     "Please hurry, I need it this week."},
    {"Kind regards,\nCustomer Support", "Best wishes,\nThe Support Team"},
    "Order %ORDER% placed",
    "Order %ORDER% paid",
    "Order %ORDER% shipped",
    "Order %ORDER% ready for pickup in store",
    "Order %ORDER% picked up",
    "Order %ORDER% refunded",
};

} // namespace

const Phrases &phrases(Language language)
{
    switch (language) {
    case Language::Persian:
        return kPersian;
    case Language::Arabic:
        return kArabic;
    case Language::English:
        break;
    }
    return kEnglish;
}

} // namespace threadline::server::demo
