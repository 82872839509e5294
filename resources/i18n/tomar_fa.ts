<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fa_IR">
    <context>
        <name>CoreErrors</name>
        <message>
            <source>This device does not have enough memory for this passphrase setting.</source>
            <translation>این دستگاه برای این تنظیم رمز عبور حافظهٔ کافی ندارد.</translation>
        </message>
        <message>
            <source>This file is damaged or was changed after it was sealed.</source>
            <translation>این فایل آسیب دیده یا پس از رمزگذاری تغییر کرده است.</translation>
        </message>
        <message>
            <source>This file is damaged: it ends with an empty block.</source>
            <translation>این فایل آسیب دیده است: با یک بخش خالی تمام می‌شود.</translation>
        </message>
        <message>
            <source>This file is damaged: the key it was sealed for is not stored correctly.</source>
            <translation>این فایل آسیب دیده است: کلیدی که فایل برای آن رمزگذاری شده درست ذخیره نشده است.</translation>
        </message>
        <message>
            <source>This file is damaged: the part that holds its keys is not readable.</source>
            <translation>این فایل آسیب دیده است: بخشی که کلیدهایش در آن است خوانده نمی‌شود.</translation>
        </message>
        <message>
            <source>This file is damaged: a passphrase-sealed file cannot have other keys.</source>
            <translation>این فایل آسیب دیده است: فایلی که با رمز عبور رمزگذاری شده نمی‌تواند کلید دیگری داشته باشد.</translation>
        </message>
        <message>
            <source>This file has extra data after its end; it was changed after it was sealed.</source>
            <translation>این فایل بعد از پایانش داده‌های اضافه دارد؛ پس از رمزگذاری تغییر کرده است.</translation>
        </message>
        <message>
            <source>This file is incomplete: it was cut off before the end.</source>
            <translation>این فایل ناقص است: پیش از پایانش بریده شده است.</translation>
        </message>
        <message>
            <source>This file is larger than Tomar accepts here.</source>
            <translation>این فایل بزرگ‌تر از اندازه‌ای است که طومار این‌جا می‌پذیرد.</translation>
        </message>
        <message>
            <source>This file was sealed with a newer format version that Tomar cannot open yet.</source>
            <translation>این فایل با نسخهٔ تازه‌تری از قالب رمزگذاری شده است که طومار هنوز نمی‌تواند بازش کند.</translation>
        </message>
        <message>
            <source>This file was sealed with a passphrase setting that would take too long to open on this device.</source>
            <translation>این فایل با تنظیمی از رمز عبور رمزگذاری شده است که باز کردنش روی این دستگاه بیش از حد طول می‌کشد.</translation>
        </message>
        <message>
            <source>The key file contains no secret keys.</source>
            <translation>در فایل کلید هیچ کلید خصوصی‌ای نیست.</translation>
        </message>
        <message>
            <source>No key was given to open this file.</source>
            <translation>هیچ کلیدی برای باز کردن این فایل داده نشد.</translation>
        </message>
        <message>
            <source>Line {number} of the key file is not a valid secret key.</source>
            <translation>خط {number} فایل کلید، کلید خصوصی معتبری نیست.</translation>
        </message>
        <message>
            <source>None of your keys can open this file. It was sealed for someone else.</source>
            <translation>هیچ‌یک از کلیدهای شما این فایل را باز نمی‌کند. برای کس دیگری رمزگذاری شده است.</translation>
        </message>
        <message>
            <source>A passphrase cannot be combined with other keys in one file.</source>
            <translation>رمز عبور را نمی‌توان در یک فایل با کلیدهای دیگر همراه کرد.</translation>
        </message>
        <message>
            <source>The passphrase is empty.</source>
            <translation>رمز عبور خالی است.</translation>
        </message>
        <message>
            <source>The passphrase strength limit must be between 1 and 30.</source>
            <translation>سقف قدرت رمز عبور باید بین ۱ و ۳۰ باشد.</translation>
        </message>
        <message>
            <source>The passphrase strength setting must be between 1 and 30.</source>
            <translation>تنظیم قدرت رمز عبور باید بین ۱ و ۳۰ باشد.</translation>
        </message>
        <message>
            <source>Post-quantum and classic keys cannot be mixed in one file: the file would only be as safe as the weakest key.</source>
            <translation>کلیدهای مقاوم در برابر رایانهٔ کوانتومی و کلیدهای کلاسیک را نمی‌توان در یک فایل با هم به کار برد: امنیت فایل فقط به اندازهٔ ضعیف‌ترین کلید می‌شد.</translation>
        </message>
        <message>
            <source>This post-quantum secret key has the wrong length.</source>
            <translation>طول این کلید خصوصیِ مقاوم در برابر رایانهٔ کوانتومی درست نیست.</translation>
        </message>
        <message>
            <source>This is not an age public key (it should start with age1).</source>
            <translation>این کلید عمومی age نیست (باید با age1 شروع شود).</translation>
        </message>
        <message>
            <source>This public key is not usable: it is a weak key.</source>
            <translation>این کلید عمومی به کار نمی‌آید: کلید ضعیفی است.</translation>
        </message>
        <message>
            <source>This is not a sealed file Tomar can open, or its beginning is damaged.</source>
            <translation>این فایل رمزگذاری‌شده‌ای نیست که طومار بتواند باز کند، یا ابتدای آن آسیب دیده است.</translation>
        </message>
        <message>
            <source>This is not an age secret key (it should start with AGE-SECRET-KEY-).</source>
            <translation>این کلید خصوصی age نیست (باید با ‎AGE-SECRET-KEY-‎ شروع شود).</translation>
        </message>
        <message>
            <source>This is not a valid age public key (age1...).</source>
            <translation>این کلید عمومی معتبری برای age نیست (‎age1...‎).</translation>
        </message>
        <message>
            <source>This is not a valid age secret key (AGE-SECRET-KEY-1...).</source>
            <translation>این کلید خصوصی معتبری برای age نیست (‎AGE-SECRET-KEY-1...‎).</translation>
        </message>
        <message>
            <source>This is not a valid post-quantum age public key (age1pq1...).</source>
            <translation>این کلید عمومی معتبرِ مقاوم در برابر رایانهٔ کوانتومی برای age نیست (‎age1pq1...‎).</translation>
        </message>
        <message>
            <source>This is not a valid post-quantum age secret key (AGE-SECRET-KEY-PQ-1...).</source>
            <translation>این کلید خصوصی معتبرِ مقاوم در برابر رایانهٔ کوانتومی برای age نیست (‎AGE-SECRET-KEY-PQ-1...‎).</translation>
        </message>
        <message>
            <source>This key is not complete or has a typo.</source>
            <translation>این کلید کامل نیست یا غلط تایپی دارد.</translation>
        </message>
        <message>
            <source>This key contains a character that does not belong in it.</source>
            <translation>این کلید نویسه‌ای دارد که نباید در آن باشد.</translation>
        </message>
        <message>
            <source>This key mixes upper and lower case letters.</source>
            <translation>در این کلید حروف بزرگ و کوچک لاتین با هم آمده‌اند.</translation>
        </message>
        <message>
            <source>This key has a typo: its checksum does not match.</source>
            <translation>این کلید غلط تایپی دارد: کد وارسی آن درست نیست.</translation>
        </message>
        <message>
            <source>This is not a valid key.</source>
            <translation>این کلید معتبر نیست.</translation>
        </message>
        <message>
            <source>The {what} comment cannot be used: it must be a single line of text.</source>
            <translation>توضیحِ {what} را نمی‌توان به کار برد: باید فقط یک خط متن باشد.</translation>
        </message>
        <message>
            <source>The {what} comment is too long (at most {max_bytes} bytes).</source>
            <translation>توضیحِ {what} بیش از حد طولانی است (حداکثر {max_bytes} بایت).</translation>
        </message>
        <message>
            <source>The file does not match its signature: it was changed or damaged after it was signed. Do not use it.</source>
            <translation>این فایل با امضایش همخوانی ندارد: پس از امضا تغییر کرده یا آسیب دیده است. از آن استفاده نکنید.</translation>
        </message>
        <message>
            <source>The file was signed by a different key than the one expected. Check that you are using the right campaign key.</source>
            <translation>این فایل با کلیدی جز کلید مورد انتظار امضا شده است. بررسی کنید که کلید درستِ کارزار را به کار می‌برید.</translation>
        </message>
        <message>
            <source>The file uses the old minisign signature format, which is not accepted here. Ask for it to be signed again with a current minisign.</source>
            <translation>این فایل قالب قدیمی امضای minisign را دارد که این‌جا پذیرفته نمی‌شود. بخواهید که دوباره با نسخهٔ کنونی minisign امضا شود.</translation>
        </message>
        <message>
            <source>The public key is damaged or is not a minisign public key. Ask the campaign for a fresh copy of the key.</source>
            <translation>کلید عمومی آسیب دیده یا کلید عمومی minisign نیست. نسخهٔ تازه‌ای از کلید را از برگزارکنندگان کارزار بخواهید.</translation>
        </message>
        <message>
            <source>The secret key file is damaged or is not an unencrypted minisign secret key.</source>
            <translation>فایل کلید خصوصی آسیب دیده یا کلید خصوصیِ بدون رمزِ minisign نیست.</translation>
        </message>
        <message>
            <source>This secret key file is protected by a password. Remove the password with `minisign -C -W` first, or use an unencrypted key.</source>
            <translation>این فایل کلید خصوصی با رمز محافظت شده است. اول رمز را با ‎`minisign -C -W`‎ بردارید، یا کلیدی بدون رمز به کار ببرید.</translation>
        </message>
        <message>
            <source>The signature file is damaged or is not a minisign signature. Ask for a fresh copy of the file and its signature.</source>
            <translation>فایل امضا آسیب دیده یا امضای minisign نیست. نسخهٔ تازه‌ای از فایل و امضای آن بخواهید.</translation>
        </message>
        <message>
            <source>The signature's trusted comment was changed after signing. Do not use this file.</source>
            <translation>توضیحِ مورد اعتمادِ امضا پس از امضا تغییر کرده است. از این فایل استفاده نکنید.</translation>
        </message>
        <message>
            <source>The signature uses an algorithm this app does not know. Ask for the file to be signed again with minisign.</source>
            <translation>این امضا الگوریتمی دارد که این برنامه نمی‌شناسد. بخواهید که فایل دوباره با minisign امضا شود.</translation>
        </message>
        <message>
            <source>This is not a Tomar organizer identity file.</source>
            <translation>این فایل، فایل هویت برگزارکنندهٔ طومار نیست.</translation>
        </message>
        <message>
            <source>The organizer identity file is damaged.</source>
            <translation>فایل هویت برگزارکننده آسیب دیده است.</translation>
        </message>
        <message>
            <source>The organizer signing key is damaged.</source>
            <translation>کلید امضای برگزارکننده آسیب دیده است.</translation>
        </message>
        <message>
            <source>The recipient type must be 'hybrid' or 'x25519'.</source>
            <translation>نوع رمزگذاری باید ‎'hybrid'‎ یا ‎'x25519'‎ باشد.</translation>
        </message>
        <message>
            <source>Invalid database name.</source>
            <translation>نام پایگاه داده نامعتبر است.</translation>
        </message>
        <message>
            <source>The key file asks for an unsafe amount of memory; it may be damaged.</source>
            <translation>فایل کلید مقدار ناامنی از حافظه می‌خواهد؛ شاید آسیب دیده باشد.</translation>
        </message>
        <message>
            <source>The key file is damaged.</source>
            <translation>فایل کلید آسیب دیده است.</translation>
        </message>
        <message>
            <source>The key file is damaged (too large).</source>
            <translation>فایل کلید آسیب دیده است (بیش از حد بزرگ است).</translation>
        </message>
        <message>
            <source>This key file is of a kind this version of Tomar does not know.</source>
            <translation>این نسخه از طومار نوع این فایل کلید را نمی‌شناسد.</translation>
        </message>
        <message>
            <source>The key file is missing: this vault cannot be opened.</source>
            <translation>فایل کلید پیدا نمی‌شود؛ این گاوصندوق را نمی‌توان باز کرد.</translation>
        </message>
        <message>
            <source>The key file cannot be read ({detail}).</source>
            <translation>فایل کلید خوانده نمی‌شود ({detail}).</translation>
        </message>
        <message>
            <source>The key file has unusual settings; it may be damaged.</source>
            <translation>تنظیمات فایل کلید عادی نیست؛ شاید آسیب دیده باشد.</translation>
        </message>
        <message>
            <source>The passphrase is not correct.</source>
            <translation>رمز عبور درست نیست.</translation>
        </message>
        <message>
            <source>Make between 1 and {max_shares} shares.</source>
            <translation>بین ۱ تا {max_shares} سهم بسازید.</translation>
        </message>
        <message>
            <source>Not enough shares: more shares of the same set are needed.</source>
            <translation>سهم‌ها کافی نیست: سهم‌های بیشتری از همان مجموعه لازم است.</translation>
        </message>
        <message>
            <source>The same share was given twice.</source>
            <translation>یک سهم دو بار داده شده است.</translation>
        </message>
        <message>
            <source>These shares do not fit together; check each one word by word.</source>
            <translation>این سهم‌ها با هم همخوانی ندارند؛ هر کدام را کلمه به کلمه بررسی کنید.</translation>
        </message>
        <message>
            <source>No shares were given.</source>
            <translation>هیچ سهمی داده نشد.</translation>
        </message>
        <message>
            <source>These shares do not all belong to the same set.</source>
            <translation>این سهم‌ها همه از یک مجموعه نیستند.</translation>
        </message>
        <message>
            <source>A share is not valid: check every word (a typo is detected, not corrected).</source>
            <translation>یکی از سهم‌ها معتبر نیست: همهٔ کلمه‌ها را بررسی کنید (غلط تایپی پیدا می‌شود، اما خودبه‌خود درست نمی‌شود).</translation>
        </message>
        <message>
            <source>These shares do not hold a Tomar organizer key.</source>
            <translation>این سهم‌ها کلید برگزارکنندهٔ طومار را در خود ندارند.</translation>
        </message>
        <message>
            <source>These shares restore another organizer key than this campaign's.</source>
            <translation>این سهم‌ها کلید برگزارکنندهٔ دیگری را بازمی‌گردانند، نه کلید این کارزار را.</translation>
        </message>
        <message>
            <source>With a threshold of 1 every share is the whole key; use a threshold of 2 or more (or make a single share).</source>
            <translation>اگر فقط ۱ سهم لازم باشد، هر سهم به‌تنهایی کل کلید است؛ شمار سهم‌های لازم را ۲ یا بیشتر بگذارید (یا فقط یک سهم بسازید).</translation>
        </message>
        <message>
            <source>The threshold must be between 1 and the number of shares.</source>
            <translation>شمار سهم‌های لازم (K) باید بین ۱ و شمار همهٔ سهم‌ها (N) باشد.</translation>
        </message>
        <message>
            <source>This document holds values that cannot be signed: it is damaged.</source>
            <translation>این سند مقدارهایی دارد که نمی‌توان امضایشان کرد: آسیب دیده است.</translation>
        </message>
        <message>
            <source>This is not a Tomar {what}, or it is damaged.</source>
            <translation>این فایل {what} طومار نیست، یا آسیب دیده است.</translation>
        </message>
        <message>
            <source>This {what} was not signed by the expected key, or it was changed.</source>
            <translation>این {what} با کلید مورد انتظار امضا نشده، یا تغییر کرده است.</translation>
        </message>
        <message>
            <source>This is not a Tomar {what}, or it needs a newer version of Tomar.</source>
            <translation>این فایل {what} طومار نیست، یا به نسخهٔ تازه‌تری از طومار نیاز دارد.</translation>
        </message>
        <message>
            <source>This {what} is too large to be genuine.</source>
            <translation>این {what} بزرگ‌تر از آن است که واقعی باشد.</translation>
        </message>
        <message>
            <source>This {what} is damaged.</source>
            <translation>این {what} آسیب دیده است.</translation>
        </message>
        <message>
            <source>This device certificate is for another campaign.</source>
            <translation>این گواهی دستگاه برای کارزار دیگری است.</translation>
        </message>
        <message>
            <source>This enrollment request is for another campaign.</source>
            <translation>این درخواست ثبت برای کارزار دیگری است.</translation>
        </message>
        <message>
            <source>This receipt is for another campaign.</source>
            <translation>این رسید برای کارزار دیگری است.</translation>
        </message>
        <message>
            <source>This receipt is damaged.</source>
            <translation>این رسید آسیب دیده است.</translation>
        </message>
        <message>
            <source>This {what} contains a file that is too large.</source>
            <translation>این {what} فایلی بیش از حد بزرگ دارد.</translation>
        </message>
        <message>
            <source>This {what} contains an unexpected file.</source>
            <translation>این {what} فایلی دارد که نباید در آن باشد.</translation>
        </message>
        <message>
            <source>This {what} is damaged or incomplete.</source>
            <translation>این {what} آسیب دیده یا ناقص است.</translation>
        </message>
        <message>
            <source>This {what} holds too many files to be genuine.</source>
            <translation>شمار فایل‌های این {what} بیش از آن است که واقعی باشد.</translation>
        </message>
        <message>
            <source>This {what} is incomplete.</source>
            <translation>این {what} ناقص است.</translation>
        </message>
        <message>
            <source>This {what} is suspiciously compressed.</source>
            <translation>فشرده‌سازی این {what} مشکوک است.</translation>
        </message>
        <message>
            <source>This {what} is of an unknown kind (compression).</source>
            <translation>نوع این {what} ناشناخته است (روش فشرده‌سازی).</translation>
        </message>
        <message>
            <source>This {what} is of an unknown kind (encrypted ZIP).</source>
            <translation>نوع این {what} ناشناخته است (ZIP رمزگذاری‌شده).</translation>
        </message>
        <message>
            <source>A point of the signature drawing is outside the signature pad.</source>
            <translation>نقطه‌ای از امضای دست‌نویس بیرون از کادر امضاست.</translation>
        </message>
        <message>
            <source>The signature drawing has an empty stroke.</source>
            <translation>امضای دست‌نویس یک خط خالی دارد.</translation>
        </message>
        <message>
            <source>The signature drawing has an invalid time stamp.</source>
            <translation>زمانِ ثبت‌شده در امضای دست‌نویس نامعتبر است.</translation>
        </message>
        <message>
            <source>The signature drawing's time stamps go backwards.</source>
            <translation>زمان‌های ثبت‌شده در امضای دست‌نویس به عقب برمی‌گردند.</translation>
        </message>
        <message>
            <source>The signature drawing is too large to store. Please clear it and sign again.</source>
            <translation>امضای دست‌نویس بزرگ‌تر از آن است که ذخیره شود. لطفاً آن را پاک کنید و دوباره امضا کنید.</translation>
        </message>
        <message>
            <source>The signature drawing has too many strokes.</source>
            <translation>امضای دست‌نویس بیش از حد خط دارد.</translation>
        </message>
        <message>
            <source>The signature drawing has too many points.</source>
            <translation>امضای دست‌نویس بیش از حد نقطه دارد.</translation>
        </message>
        <message>
            <source>The signature cannot be drawn: the {what} must be positive.</source>
            <translation>امضا را نمی‌توان کشید: {what} باید بیشتر از صفر باشد.</translation>
        </message>
        <message>
            <source>The signature pad has an impossible shape.</source>
            <translation>کادر امضا شکل ناممکنی دارد.</translation>
        </message>
        <message>
            <source>The stored signature drawing is damaged and cannot be read.</source>
            <translation>امضای دست‌نویسِ ذخیره‌شده آسیب دیده است و خوانده نمی‌شود.</translation>
        </message>
        <message>
            <source>The stored signature drawing is not in a format this app can read.</source>
            <translation>امضای دست‌نویسِ ذخیره‌شده در قالبی نیست که این برنامه بتواند بخواند.</translation>
        </message>
        <message>
            <source>The vault is busy in another Tomar window: nothing was saved.</source>
            <translation>گاوصندوق در پنجرهٔ دیگری از طومار باز است و چیزی ذخیره نشد.</translation>
        </message>
        <message>
            <source>Please choose a passphrase.</source>
            <translation>لطفاً یک رمز عبور انتخاب کنید.</translation>
        </message>
        <message>
            <source>The vault could not be written: nothing was saved.</source>
            <translation>نوشتن در گاوصندوق ممکن نشد و چیزی ذخیره نشد.</translation>
        </message>
        <message>
            <source>There is no vault in {home}. Create one first with 'tomar init'.</source>
            <translation>در {home} گاوصندوقی نیست. اول با ‎'tomar init'‎ یکی بسازید.</translation>
        </message>
        <message>
            <source>The vault database does not match its key file, or it is damaged.</source>
            <translation>پایگاه دادهٔ گاوصندوق با فایل کلیدش همخوانی ندارد، یا آسیب دیده است.</translation>
        </message>
        <message>
            <source>The vault database is missing; only its key file is left.</source>
            <translation>پایگاه دادهٔ گاوصندوق پیدا نمی‌شود؛ فقط فایل کلیدش مانده است.</translation>
        </message>
        <message>
            <source>The disk is full: nothing was saved. Free some space and try again.</source>
            <translation>دیسک پر است و چیزی ذخیره نشد. کمی فضا خالی کنید و دوباره امتحان کنید.</translation>
        </message>
        <message>
            <source>The vault's disk is read-only: nothing was saved. Nothing was lost; make it writable and try again.</source>
            <translation>دیسک گاوصندوق فقط‌خواندنی است و چیزی ذخیره نشد. چیزی از دست نرفته است؛ آن را قابل نوشتن کنید و دوباره امتحان کنید.</translation>
        </message>
        <message>
            <source>The disk reported an input/output error: nothing was saved. The disk may be failing: copy your Tomar folder to another disk first.</source>
            <translation>دیسک خطای ورودی/خروجی داد و چیزی ذخیره نشد. شاید دیسک در حال خراب شدن باشد: پیش از هر کار دیگری پوشهٔ طومار را روی دیسک دیگری کپی کنید.</translation>
        </message>
        <message>
            <source>The key file tomar.key is missing from {home}, but the vault database is still there. It cannot be opened without the key file: put back a copy of tomar.key if you have one. If it was erased on purpose (a panic wipe), 'tomar wipe --yes' clears the folder for a new vault.</source>
            <translation>فایل کلید tomar.key در {home} نیست، ولی پایگاه دادهٔ گاوصندوق هنوز آن‌جاست. بدون فایل کلید نمی‌توان آن را باز کرد: اگر نسخه‌ای از tomar.key دارید، آن را برگردانید. اگر عمداً پاک شده است (پاک‌سازی اضطراری)، ‎'tomar wipe --yes'‎ پوشه را برای گاوصندوقی تازه پاک می‌کند.</translation>
        </message>
        <message>
            <source>The vault is locked.</source>
            <translation>گاوصندوق قفل است.</translation>
        </message>
        <message>
            <source>This vault was made by a newer version of Tomar. Please update Tomar.</source>
            <translation>این گاوصندوق با نسخهٔ تازه‌تری از طومار ساخته شده است. لطفاً طومار را به‌روز کنید.</translation>
        </message>
        <message>
            <source>The vault cannot be opened: its disk or folder is read-only. Nothing was lost; make it writable, or copy your Tomar folder to a writable disk, and try again.</source>
            <translation>گاوصندوق باز نمی‌شود، چون دیسک یا پوشهٔ آن فقط‌خواندنی است. چیزی از دست نرفته است؛ آن را قابل نوشتن کنید یا پوشهٔ طومار را روی دیسکی قابل نوشتن کپی کنید و دوباره امتحان کنید.</translation>
        </message>
        <message>
            <source>The vault cannot be opened: the disk is full. Nothing was lost; free some space and try again.</source>
            <translation>گاوصندوق باز نمی‌شود، چون دیسک پر است. چیزی از دست نرفته است؛ کمی فضا خالی کنید و دوباره امتحان کنید.</translation>
        </message>
        <message>
            <source>The vault cannot be opened: the disk reported an input/output error. The vault may be intact; copy your Tomar folder to another disk and open it there.</source>
            <translation>گاوصندوق باز نمی‌شود، چون دیسک خطای ورودی/خروجی داد. شاید گاوصندوق سالم باشد؛ پوشهٔ طومار را روی دیسک دیگری کپی کنید و آن‌جا بازش کنید.</translation>
        </message>
        <message>
            <source>The rebuilt vault failed its integrity check; nothing changed.</source>
            <translation>گاوصندوقِ از نو ساخته‌شده در بررسی سلامت رد شد؛ چیزی تغییر نکرد.</translation>
        </message>
        <message>
            <source>Tomar refuses to run: the database safety setting '{name}' is not in force. Signer data could leak to disk.</source>
            <translation>طومار اجرا نمی‌شود: تنظیم ایمنی «{name}» در پایگاه داده برقرار نیست. ممکن است اطلاعات امضاکنندگان به دیسک درز کند.</translation>
        </message>
        <message>
            <source>This disk or folder is read-only: {what} was not saved. Nothing was lost; make it writable and try again.</source>
            <translation>این دیسک یا پوشه فقط‌خواندنی است و {what} ذخیره نشد. چیزی از دست نرفته است؛ آن را قابل نوشتن کنید و دوباره امتحان کنید.</translation>
        </message>
        <message>
            <source>The disk is full: {what} was not saved. Free some space and try again.</source>
            <translation>دیسک پر است و {what} ذخیره نشد. کمی فضا خالی کنید و دوباره امتحان کنید.</translation>
        </message>
        <message>
            <source>The disk reported an error: {what} was not saved ({detail}).</source>
            <translation>دیسک خطا داد و {what} ذخیره نشد ({detail}).</translation>
        </message>
        <message>
            <source>The disk reported an input/output error: {what} was not saved. The disk may be failing: copy your Tomar folder to another disk first.</source>
            <translation>دیسک خطای ورودی/خروجی داد و {what} ذخیره نشد. شاید دیسک در حال خراب شدن باشد: پیش از هر کار دیگری پوشهٔ طومار را روی دیسک دیگری کپی کنید.</translation>
        </message>
        <message>
            <source>This device already holds another campaign. Use a separate vault (--home) for a second campaign.</source>
            <translation>این دستگاه از قبل کارزار دیگری دارد. برای کارزار دوم از گاوصندوقی جداگانه (‎--home) استفاده کنید.</translation>
        </message>
        <message>
            <source>This campaign package is older (revision {revision}) than the one on this device (revision {revision2}). It was not imported: an old package could send this device to a server the campaign no longer uses. Ask the organizer for the newest package.</source>
            <translation>این فایل کارزار (ویرایش {revision}) قدیمی‌تر از فایل کارزارِ این دستگاه (ویرایش {revision2}) است. وارد نشد: یک فایل قدیمی می‌تواند این دستگاه را به سروری بفرستد که کارزار دیگر از آن استفاده نمی‌کند. تازه‌ترین فایل کارزار را از برگزارکننده بخواهید.</translation>
        </message>
        <message>
            <source>This campaign package is signed by someone else than the organizer of the campaign on this device. It was not imported.</source>
            <translation>این فایل کارزار را کسی جز برگزارکنندهٔ کارزارِ این دستگاه امضا کرده است. وارد نشد.</translation>
        </message>
        <message>
            <source>No campaign yet. Import the organizer's campaign package first.</source>
            <translation>هنوز کارزاری نیست. اول فایل کارزاری را که برگزارکننده داده است وارد کنید.</translation>
        </message>
        <message>
            <source>This certificate is for another device.</source>
            <translation>این گواهی برای دستگاه دیگری است.</translation>
        </message>
        <message>
            <source>Please give the event a name.</source>
            <translation>لطفاً برای رویداد نامی بنویسید.</translation>
        </message>
        <message>
            <source>This file could not be read (internal error {error}); it was refused and nothing was changed.</source>
            <translation>این فایل خوانده نشد (خطای داخلی {error})؛ پذیرفته نشد و چیزی تغییر نکرد.</translation>
        </message>
        <message>
            <source>The organizer fingerprint in this package is not the one you expected. Do not use this package; ask the organizer.</source>
            <translation>اثر انگشت (کد شناسایی) برگزارکننده در این فایل کارزار همانی نیست که انتظار داشتید. از این فایل استفاده نکنید و از برگزارکننده بپرسید.</translation>
        </message>
        <message>
            <source>This receipt is for another device.</source>
            <translation>این رسید برای دستگاه دیگری است.</translation>
        </message>
        <message>
            <source>This receipt is for batch {batch}, which this device did not export.</source>
            <translation>این رسید برای بستهٔ {batch} است، اما این دستگاه چنین بسته‌ای خروجی نگرفته است.</translation>
        </message>
        <message>
            <source>That signature was already voided.</source>
            <translation>این امضا قبلاً باطل شده است.</translation>
        </message>
        <message>
            <source>There is no signature with that id on this device.</source>
            <translation>امضایی با این شناسه روی این دستگاه نیست.</translation>
        </message>
        <message>
            <source>Start an event first: signatures are collected at an event.</source>
            <translation>اول یک رویداد را شروع کنید؛ امضاها در یک رویداد جمع می‌شوند.</translation>
        </message>
        <message>
            <source>This vault has no device key; it may be damaged.</source>
            <translation>این گاوصندوق کلید دستگاه ندارد؛ شاید آسیب دیده باشد.</translation>
        </message>
        <message>
            <source>A record is damaged.</source>
            <translation>یک مورد آسیب دیده است.</translation>
        </message>
        <message>
            <source>A record's device signature is not valid.</source>
            <translation>امضای دستگاه روی یک مورد معتبر نیست.</translation>
        </message>
        <message>
            <source>A record is too large to be genuine.</source>
            <translation>یک مورد بزرگ‌تر از آن است که واقعی باشد.</translation>
        </message>
        <message>
            <source>This batch belongs to another campaign.</source>
            <translation>این بسته به کارزار دیگری تعلق دارد.</translation>
        </message>
        <message>
            <source>This batch contains files that its manifest does not list.</source>
            <translation>این بسته فایل‌هایی دارد که در فهرستش نیامده است.</translation>
        </message>
        <message>
            <source>There is no batch {number} on this device.</source>
            <translation>بسته‌ای با شمارهٔ {number} روی این دستگاه نیست.</translation>
        </message>
        <message>
            <source>Export cancelled. Nothing was written.</source>
            <translation>خروجی لغو شد. چیزی نوشته نشد.</translation>
        </message>
        <message>
            <source>The batch file cannot be read ({detail}).</source>
            <translation>فایل بسته خوانده نمی‌شود ({detail}).</translation>
        </message>
        <message>
            <source>The folder already holds a file named {name}; move it away and export again. Nothing was written.</source>
            <translation>در این پوشه از قبل فایلی به نام {name} هست؛ آن را جای دیگری ببرید و دوباره خروجی بگیرید. چیزی نوشته نشد.</translation>
        </message>
        <message>
            <source>The folder {out_dir} does not exist.</source>
            <translation>پوشهٔ {out_dir} وجود ندارد.</translation>
        </message>
        <message>
            <source>This batch is incomplete: its manifest or signature is missing.</source>
            <translation>این بسته ناقص است: فهرست یا امضای آن نیست.</translation>
        </message>
        <message>
            <source>This batch has an invalid batch number.</source>
            <translation>شمارهٔ این بسته نامعتبر است.</translation>
        </message>
        <message>
            <source>This batch's link to the previous batch is damaged.</source>
            <translation>پیوند این بسته با بستهٔ قبلی آسیب دیده است.</translation>
        </message>
        <message>
            <source>This batch lists the same record twice.</source>
            <translation>در فهرست این بسته یک مورد دو بار آمده است.</translation>
        </message>
        <message>
            <source>This batch lists too many records.</source>
            <translation>فهرست این بسته بیش از حد مورد دارد.</translation>
        </message>
        <message>
            <source>This batch's list of records is damaged.</source>
            <translation>فهرست موارد این بسته آسیب دیده است.</translation>
        </message>
        <message>
            <source>Batch {number} can no longer be rebuilt: its records were purged after a receipt.</source>
            <translation>بستهٔ {number} را دیگر نمی‌توان از نو ساخت: موارد آن پس از دریافت رسید پاک شده‌اند.</translation>
        </message>
        <message>
            <source>This batch's manifest is damaged.</source>
            <translation>فهرست این بسته آسیب دیده است.</translation>
        </message>
        <message>
            <source>This batch's manifest is damaged (not in canonical form).</source>
            <translation>فهرست این بسته آسیب دیده است (شکل استاندارد ندارد).</translation>
        </message>
        <message>
            <source>This batch is missing records that its manifest lists.</source>
            <translation>مواردی که در فهرست این بسته آمده، در خود بسته نیست.</translation>
        </message>
        <message>
            <source>This batch names a record with an invalid id.</source>
            <translation>در فهرست این بسته موردی با شناسهٔ نامعتبر آمده است.</translation>
        </message>
        <message>
            <source>This batch needs a newer version of Tomar.</source>
            <translation>این بسته به نسخهٔ تازه‌تری از طومار نیاز دارد.</translation>
        </message>
        <message>
            <source>Nothing new to export: every record is already in a batch. Batch(es) {numbers} had not reached this folder and were written again.</source>
            <translation>چیز تازه‌ای برای خروجی نیست؛ همهٔ موارد قبلاً در بسته‌ها هستند. بسته(های) {numbers} به این پوشه نرسیده بود و دوباره نوشته شد.</translation>
        </message>
        <message>
            <source>Nothing new to export: every record is already in a batch.</source>
            <translation>چیز تازه‌ای برای خروجی نیست؛ همهٔ موارد قبلاً در بسته‌ها هستند.</translation>
        </message>
        <message>
            <source>Record {record} in this batch was changed or damaged.</source>
            <translation>مورد {record} در این بسته تغییر کرده یا آسیب دیده است.</translation>
        </message>
        <message>
            <source>Record {record} in this batch has an invalid hash.</source>
            <translation>هش مورد {record} در این بسته نامعتبر است.</translation>
        </message>
        <message>
            <source>Record {record} in this batch has an invalid sequence number.</source>
            <translation>شمارهٔ ترتیب مورد {record} در این بسته نامعتبر است.</translation>
        </message>
        <message>
            <source>This batch was sealed for another organizer key.</source>
            <translation>این بسته برای کلید برگزارکنندهٔ دیگری رمزگذاری شده است.</translation>
        </message>
        <message>
            <source>This batch's signature is not valid: it was changed after the device signed it.</source>
            <translation>امضای این بسته معتبر نیست: پس از امضای دستگاه تغییر کرده است.</translation>
        </message>
        <message>
            <source>This is not a Tomar batch.</source>
            <translation>این فایل بستهٔ طومار نیست.</translation>
        </message>
        <message>
            <source>This batch uses the same sequence number twice.</source>
            <translation>در این بسته یک شمارهٔ ترتیب دو بار به کار رفته است.</translation>
        </message>
        <message>
            <source>'consents' must be a list of at most 10 [[consents]] tables.</source>
            <translation>‎'consents'‎ باید فهرستی از حداکثر ۱۰ جدول ‎[[consents]]‎ باشد.</translation>
        </message>
        <message>
            <source>Consent '{purpose}' may have only 'purpose' and 'text': an extra consent is never preselected.</source>
            <translation>موافقت ‎'{purpose}'‎ فقط ‎'purpose'‎ و ‎'text'‎ دارد: موافقت‌های دیگر هرگز از پیش انتخاب نمی‌شوند.</translation>
        </message>
        <message>
            <source>'delete_after_days' must be a number of days from 1 to 3650.</source>
            <translation>‎'delete_after_days'‎ باید شمار روزها از ۱ تا ۳۶۵۰ باشد.</translation>
        </message>
        <message>
            <source>'delete_by' must be a date such as 2027-06-30.</source>
            <translation>‎'delete_by'‎ باید یک تاریخ باشد، مثلاً 2027-06-30.</translation>
        </message>
        <message>
            <source>'display_default' must be "ask", "hidden", "initials" or "full".</source>
            <translation>‎'display_default'‎ باید یکی از این‌ها باشد: ‎"ask"‎ (از امضاکننده پرسیده شود)، ‎"hidden"‎ (نوشته نشود)، ‎"initials"‎ (حرف اول نام و نام خانوادگی)، ‎"full"‎ (نام کامل).</translation>
        </message>
        <message>
            <source>Each [[consents]] entry needs a unique 'purpose' of lowercase letters, digits and '_'.</source>
            <translation>هر ‎[[consents]]‎ یک ‎'purpose'‎ بی‌تکرار از حروف کوچک لاتین، رقم و _ لازم دارد.</translation>
        </message>
        <message>
            <source>Each [[fields]] entry must be a table.</source>
            <translation>هر بخش ‎[[fields]]‎ باید یک جدول باشد.</translation>
        </message>
        <message>
            <source>Each field needs a unique 'name' of lowercase letters, digits and '_'.</source>
            <translation>هر خانهٔ فرم به یک ‎'name'‎ بی‌تکرار از حروف کوچک لاتین، رقم و ‎'_'‎ نیاز دارد.</translation>
        </message>
        <message>
            <source>'end_date' must be a date such as 2027-03-31.</source>
            <translation>‎'end_date'‎ باید یک تاریخ باشد، مثلاً 2027-03-31.</translation>
        </message>
        <message>
            <source>Field '{name}': 'label' must be a table of texts per language.</source>
            <translation>خانهٔ «{name}»: ‎'label'‎ باید جدولی از متن‌ها برای هر زبان باشد.</translation>
        </message>
        <message>
            <source>Field '{name}': 'required' must be true or false.</source>
            <translation>خانهٔ «{name}»: ‎'required'‎ باید true یا false باشد.</translation>
        </message>
        <message>
            <source>Field '{name}' has an unknown kind; use one of: {choices}.</source>
            <translation>نوع خانهٔ «{name}» ناشناخته است؛ یکی از این‌ها را به کار ببرید: {choices}.</translation>
        </message>
        <message>
            <source>'id' may hold only letters, digits, '-' and '_'.</source>
            <translation>‎'id'‎ فقط می‌تواند حروف لاتین، رقم، ‎'-'‎ و ‎'_'‎ داشته باشد.</translation>
        </message>
        <message>
            <source>The campaign needs an 'addressee' (whom the petition is for).</source>
            <translation>کارزار به ‎'addressee'‎ نیاز دارد (طومار خطاب به چه کسی است).</translation>
        </message>
        <message>
            <source>The campaign needs between 1 and 30 [[fields]].</source>
            <translation>کارزار باید بین ۱ تا ۳۰ خانهٔ فرم (‎[[fields]]‎) داشته باشد.</translation>
        </message>
        <message>
            <source>The campaign needs a field of kind 'name'.</source>
            <translation>کارزار باید یک خانهٔ فرم از نوع ‎'name'‎ (نام) داشته باشد.</translation>
        </message>
        <message>
            <source>The campaign needs 'languages', a list of codes such as ["en", "fa"].</source>
            <translation>کارزار به ‎'languages'‎ نیاز دارد: فهرستی از کد زبان‌ها، مثلاً ‎["en", "fa"]‎.</translation>
        </message>
        <message>
            <source>This is not a Tomar campaign package.</source>
            <translation>این فایل، فایل کارزار طومار نیست.</translation>
        </message>
        <message>
            <source>This campaign package was changed after the organizer signed it. Do not use it.</source>
            <translation>این فایل کارزار بعد از امضای برگزارکننده تغییر کرده است. از آن استفاده نکنید.</translation>
        </message>
        <message>
            <source>This campaign package is damaged.</source>
            <translation>این فایل کارزار آسیب دیده است.</translation>
        </message>
        <message>
            <source>This campaign package is damaged (not in canonical form).</source>
            <translation>این فایل کارزار آسیب دیده است (شکل استاندارد ندارد).</translation>
        </message>
        <message>
            <source>This campaign package is incomplete.</source>
            <translation>این فایل کارزار ناقص است.</translation>
        </message>
        <message>
            <source>This campaign package needs a newer version of Tomar.</source>
            <translation>این فایل کارزار به نسخهٔ تازه‌تری از طومار نیاز دارد.</translation>
        </message>
        <message>
            <source>'phone_region' must be a two-letter country code such as "US".</source>
            <translation>‎'phone_region'‎ باید کد دوحرفی یک کشور باشد، مثلاً ‎"US"‎.</translation>
        </message>
        <message>
            <source>'revision' must be a positive whole number.</source>
            <translation>‎'revision'‎ باید عددی صحیح و مثبت باشد.</translation>
        </message>
        <message>
            <source>'server_cert_sha256' must be 64 hexadecimal digits (SHA-256).</source>
            <translation>‎'server_cert_sha256'‎ باید ۶۴ رقم در مبنای شانزده (SHA-256) باشد.</translation>
        </message>
        <message>
            <source>'signature' must be "required" or "optional".</source>
            <translation>‎'signature'‎ باید ‎"required"‎ یا ‎"optional"‎ باشد.</translation>
        </message>
        <message>
            <source>The campaign spec needs a [{key}] table with one text per language.</source>
            <translation>مشخصات کارزار باید بخشی برای {key} داشته باشد، با یک متن برای هر زبان.</translation>
        </message>
        <message>
            <source>The campaign spec has no '{key}' text for language '{lang}'.</source>
            <translation>در مشخصات کارزار، {key} برای زبان «{lang}» نوشته نشده است.</translation>
        </message>
        <message>
            <source>The campaign spec is not valid TOML: {detail}</source>
            <translation>مشخصات کارزار یک TOML معتبر نیست: {detail}</translation>
        </message>
        <message>
            <source>'sync_url' must be an http:// or https:// address.</source>
            <translation>‎'sync_url'‎ باید نشانی‌ای با ‎http://‎ یا ‎https://‎ باشد.</translation>
        </message>
        <message>
            <source>The '{key}' text for '{lang}' is too long.</source>
            <translation>{key} برای زبان «{lang}» بیش از حد طولانی است.</translation>
        </message>
        <message>
            <source>The backup passphrase must have at least 8 characters.</source>
            <translation>رمز عبور پشتیبان باید دست‌کم ۸ نویسه داشته باشد.</translation>
        </message>
        <message>
            <source>Back up the organizer key first ('tomar organizer backup'): if it is lost, every signature of the campaign is lost with it.</source>
            <translation>اول از کلید برگزارکننده نسخهٔ پشتیبان بگیرید (‎'tomar organizer backup'‎)؛ اگر این کلید گم شود، همهٔ امضاهای کارزار هم با آن از دست می‌روند.</translation>
        </message>
        <message>
            <source>Please give the organizer a name.</source>
            <translation>لطفاً نام برگزارکننده را بنویسید.</translation>
        </message>
        <message>
            <source>Print the recovery shares of the organizer key first ('tomar organizer shares'), or say that you keep only the backup file ('--without-shares').</source>
            <translation>اول سهم‌های بازیابی کلید برگزارکننده را چاپ کنید (‎'tomar organizer shares'‎)، یا بگویید که فقط فایل پشتیبان را نگه می‌دارید (‎'--without-shares'‎).</translation>
        </message>
        <message>
            <source>This vault already has organizer keys.</source>
            <translation>این گاوصندوق از قبل کلیدهای برگزارکننده را دارد.</translation>
        </message>
        <message>
            <source>This vault has no organizer keys. Run 'tomar organizer init' first.</source>
            <translation>این گاوصندوق کلیدهای برگزارکننده را ندارد. اول ‎'tomar organizer init'‎ را اجرا کنید.</translation>
        </message>
        <message>
            <source>it was already received from device {device} (a replayed record).</source>
            <translation>قبلاً از دستگاه {device} دریافت شده است (مورد تکراری).</translation>
        </message>
        <message>
            <source>it was already received (a replayed record).</source>
            <translation>قبلاً دریافت شده است (مورد تکراری).</translation>
        </message>
        <message>
            <source>Another batch {number} of this device was already imported: this one is a replay or a forgery.</source>
            <translation>بستهٔ دیگری با شمارهٔ {number} از این دستگاه قبلاً وارد شده است؛ این یکی تکراری یا جعلی است.</translation>
        </message>
        <message>
            <source>This batch carries another device's certificate.</source>
            <translation>این بسته گواهی دستگاه دیگری را همراه دارد.</translation>
        </message>
        <message>
            <source>This batch comes from a revoked device; it was not imported.</source>
            <translation>این بسته از دستگاهی آمده که اعتبارش لغو شده است؛ وارد نشد.</translation>
        </message>
        <message>
            <source>Batch {batch} of this device does not follow this one.</source>
            <translation>بستهٔ {batch} این دستگاه دنبالهٔ این بسته نیست.</translation>
        </message>
        <message>
            <source>This batch does not follow batch {batch} of its device.</source>
            <translation>این بسته دنبالهٔ بستهٔ {batch} همین دستگاه نیست.</translation>
        </message>
        <message>
            <source>This batch repeats records already received.</source>
            <translation>این بسته مواردی را تکرار می‌کند که قبلاً دریافت شده‌اند.</translation>
        </message>
        <message>
            <source>This batch is too large to be genuine.</source>
            <translation>این بسته بزرگ‌تر از آن است که واقعی باشد.</translation>
        </message>
        <message>
            <source>This batch could not be read (an unexpected {error}); it was rejected and nothing of it was kept.</source>
            <translation>این بسته خوانده نشد (خطای پیش‌بینی‌نشدهٔ {error})؛ رد شد و چیزی از آن نگه داشته نشد.</translation>
        </message>
        <message>
            <source>it belongs to another campaign or organizer key.</source>
            <translation>به کارزار یا کلید برگزارکنندهٔ دیگری تعلق دارد.</translation>
        </message>
        <message>
            <source>This campaign is closed: its signers' personal data was destroyed, and nothing more can be imported.</source>
            <translation>این کارزار بسته شده است: اطلاعات شخصی امضاکنندگانش از بین رفته و دیگر چیزی وارد نمی‌شود.</translation>
        </message>
        <message>
            <source>Choose another signer to merge with.</source>
            <translation>امضاکنندهٔ دیگری را برای یکی کردن انتخاب کنید.</translation>
        </message>
        <message>
            <source>it is a damaged void record.</source>
            <translation>یک مورد ابطالِ آسیب‌دیده است.</translation>
        </message>
        <message>
            <source>No device with that fingerprint has sent a batch or been enrolled.</source>
            <translation>هیچ دستگاهی با این اثر انگشت نه بسته‌ای فرستاده و نه ثبت شده است.</translation>
        </message>
        <message>
            <source>its drawn signature is damaged.</source>
            <translation>امضای دست‌نویس آن آسیب دیده است.</translation>
        </message>
        <message>
            <source>its event is damaged.</source>
            <translation>اطلاعات رویداد آن آسیب دیده است.</translation>
        </message>
        <message>
            <source>its extra consents do not match the campaign.</source>
            <translation>موافقت‌های دیگرِ آن با کارزار همخوانی ندارد.</translation>
        </message>
        <message>
            <source>its fields do not match the campaign.</source>
            <translation>خانه‌های آن با خانه‌های کارزار همخوانی ندارد.</translation>
        </message>
        <message>
            <source>The file cannot be read ({detail}).</source>
            <translation>فایل خوانده نمی‌شود ({detail}).</translation>
        </message>
        <message>
            <source>its id or sequence number differs from the manifest.</source>
            <translation>شناسه یا شمارهٔ ترتیب آن با فهرست بسته یکی نیست.</translation>
        </message>
        <message>
            <source>Import cancelled. Nothing was changed.</source>
            <translation>وارد کردن لغو شد. چیزی تغییر نکرد.</translation>
        </message>
        <message>
            <source>it has an invalid display choice or source.</source>
            <translation>انتخاب نمایش یا منبع آن نامعتبر است.</translation>
        </message>
        <message>
            <source>it is in a language the campaign does not have.</source>
            <translation>به زبانی است که این کارزار ندارد.</translation>
        </message>
        <message>
            <source>its paper sheet reference is damaged.</source>
            <translation>نشانی برگهٔ کاغذی آن آسیب دیده است.</translation>
        </message>
        <message>
            <source>A record id is 32 hexadecimal digits.</source>
            <translation>شناسهٔ امضا ۳۲ رقم در مبنای شانزده است.</translation>
        </message>
        <message>
            <source>Record {record}: {reason} The whole batch was rejected.</source>
            <translation>مورد {record}: {reason} کل این بسته رد شد.</translation>
        </message>
        <message>
            <source>it cannot be read (an unexpected {error}).</source>
            <translation>خوانده نمی‌شود (خطای پیش‌بینی‌نشدهٔ {error}).</translation>
        </message>
        <message>
            <source>it was signed by another device than the batch.</source>
            <translation>با دستگاهی جز دستگاه این بسته امضا شده است.</translation>
        </message>
        <message>
            <source>No signer has this record id.</source>
            <translation>هیچ امضاکننده‌ای این شناسه را ندارد.</translation>
        </message>
        <message>
            <source>No signer with that record id.</source>
            <translation>امضاکننده‌ای با این شناسه نیست.</translation>
        </message>
        <message>
            <source>its time is damaged.</source>
            <translation>زمان ثبت آن آسیب دیده است.</translation>
        </message>
        <message>
            <source>Unknown review decision.</source>
            <translation>تصمیم بررسی ناشناخته است.</translation>
        </message>
        <message>
            <source>it is of an unknown type.</source>
            <translation>نوع آن ناشناخته است.</translation>
        </message>
        <message>
            <source>it is of an unknown version.</source>
            <translation>نسخهٔ آن ناشناخته است.</translation>
        </message>
        <message>
            <source>This vault's organizer keys do not belong to its campaign.</source>
            <translation>کلیدهای برگزارکننده در این گاوصندوق به کارزارِ آن تعلق ندارند.</translation>
        </message>
        <message>
            <source>This campaign has no texts in '{lang}'. Choose one of: {choices}.</source>
            <translation>این کارزار متنی به زبان «{lang}» ندارد. یکی از این‌ها را انتخاب کنید: {choices}.</translation>
        </message>
        <message>
            <source>Cancelled: no file was written.</source>
            <translation>لغو شد: هیچ فایلی نوشته نشد.</translation>
        </message>
        <message>
            <source>Could not find free sheet serials; please try again.</source>
            <translation>شمارهٔ سریال استفاده‌نشده‌ای برای برگه‌ها پیدا نشد؛ لطفاً دوباره امتحان کنید.</translation>
        </message>
        <message>
            <source>The folder {folder} does not exist.</source>
            <translation>پوشهٔ {folder} وجود ندارد.</translation>
        </message>
        <message>
            <source>Print between 1 and {max_sheets} sheets at a time.</source>
            <translation>هر بار بین ۱ تا {max_sheets} برگه چاپ کنید.</translation>
        </message>
        <message>
            <source>This QR code is not from a Tomar paper sheet.</source>
            <translation>این کد QR از برگهٔ کاغذی طومار نیست.</translation>
        </message>
        <message>
            <source>Row {row} of sheet {serial} was already entered.</source>
            <translation>ردیف {row} برگهٔ {serial} قبلاً تایپ شده است.</translation>
        </message>
        <message>
            <source>A sheet can have between 1 and {max_rows} rows.</source>
            <translation>هر برگه می‌تواند بین ۱ تا {max_rows} ردیف داشته باشد.</translation>
        </message>
        <message>
            <source>Sheet {serial} was not printed on this device. Check the serial on the sheet.</source>
            <translation>برگهٔ {serial} در این دستگاه چاپ نشده است. شمارهٔ روی برگه را بررسی کنید.</translation>
        </message>
        <message>
            <source>Sheet {serial} has rows 1 to {rows}; check the row number.</source>
            <translation>برگهٔ {serial} ردیف‌های ۱ تا {rows} را دارد؛ شمارهٔ ردیف را بررسی کنید.</translation>
        </message>
        <message>
            <source>A sheet serial has only letters, digits and '-', as printed.</source>
            <translation>شمارهٔ برگه، همان‌طور که چاپ شده است، فقط حروف لاتین، رقم و خط تیره دارد.</translation>
        </message>
        <message>
            <source>Making the sheets stopped unexpectedly (the computer may have run short of memory). Nothing was saved; please try again.</source>
            <translation>ساختن برگه‌ها ناگهان متوقف شد (شاید حافظهٔ رایانه کم آمده باشد). چیزی ذخیره نشد؛ لطفاً دوباره امتحان کنید.</translation>
        </message>
        <message>
            <source>No signer has a known district: nothing to deliver by office.</source>
            <translation>هیچ امضاکننده‌ای حوزهٔ مشخصی ندارد: بسته‌ای برای تحویل به دفترها نیست.</translation>
        </message>
        <message>
            <source>No signer has a known state: nothing to deliver by office.</source>
            <translation>هیچ امضاکننده‌ای ایالت مشخصی ندارد: بسته‌ای برای تحویل به دفترها نیست.</translation>
        </message>
        <message>
            <source>A text is too large to fit on a page.</source>
            <translation>یکی از متن‌ها بزرگ‌تر از آن است که در یک صفحه جا شود.</translation>
        </message>
        <message>
            <source>Unknown paper size '{paper}': use letter or a4.</source>
            <translation>اندازهٔ کاغذ «{paper}» ناشناخته است: letter یا a4 را به کار ببرید.</translation>
        </message>
        <message>
            <source>{file} arrived damaged; it will be fetched again next time.</source>
            <translation>{file} آسیب‌دیده رسید؛ دفعهٔ بعد دوباره دریافت می‌شود.</translation>
        </message>
        <message>
            <source>Batch {number} was refused: {detail}</source>
            <translation>بستهٔ {number} پذیرفته نشد: {detail}</translation>
        </message>
        <message>
            <source>Batch {number} was not sent: {detail}</source>
            <translation>بستهٔ {number} فرستاده نشد: {detail}</translation>
        </message>
        <message>
            <source>The campaign pins the server's certificate, so the address must start with https://.</source>
            <translation>کارزار گواهی سرور را تعیین کرده است، پس نشانی باید با ‎https://‎ شروع شود.</translation>
        </message>
        <message>
            <source>Sync cancelled.</source>
            <translation>همگام‌سازی لغو شد.</translation>
        </message>
        <message>
            <source>The certificate of {server} could not be verified. Do not sync over this network; tell the organizer.</source>
            <translation>گواهی {server} تأیید نشد. از راه این شبکه همگام‌سازی نکنید و به برگزارکننده خبر دهید.</translation>
        </message>
        <message>
            <source>{server} is not a Tomar collection server.</source>
            <translation>{server} سرور جمع‌آوری طومار نیست.</translation>
        </message>
        <message>
            <source>the connection broke</source>
            <translation>اتصال قطع شد</translation>
        </message>
        <message>
            <source>{target} could not be asked for receipts: {detail}</source>
            <translation>پرسیدن رسیدها از {target} ممکن نشد: {detail}</translation>
        </message>
        <message>
            <source>{file} could not be fetched: {detail}</source>
            <translation>دریافت {file} ممکن نشد: {detail}</translation>
        </message>
        <message>
            <source>This device is not enrolled yet, so the server will not accept its batches. Ask the organizer to enroll it, or sync through a folder (USB stick).</source>
            <translation>این دستگاه هنوز ثبت نشده است، پس سرور بسته‌هایش را نمی‌پذیرد. از برگزارکننده بخواهید آن را ثبت کند، یا از راه یک پوشه (فلش) همگام‌سازی کنید.</translation>
        </message>
        <message>
            <source>The folder {folder} does not exist. Is the USB stick or shared folder there?</source>
            <translation>پوشهٔ {folder} وجود ندارد. آیا فلش یا پوشهٔ مشترک در دسترس است؟</translation>
        </message>
        <message>
            <source>no connection</source>
            <translation>اتصالی برقرار نشد</translation>
        </message>
        <message>
            <source>{file} cannot be read ({detail}).</source>
            <translation>{file} خوانده نمی‌شود ({detail}).</translation>
        </message>
        <message>
            <source>The receipt for batch {batch} was not applied: {detail}</source>
            <translation>رسید بستهٔ {batch} اعمال نشد: {detail}</translation>
        </message>
        <message>
            <source>A receipt could not be written: {detail}</source>
            <translation>یک رسید نوشته نشد: {detail}</translation>
        </message>
        <message>
            <source>A receipt names an invalid device.</source>
            <translation>یک رسید به دستگاه نامعتبری اشاره می‌کند.</translation>
        </message>
        <message>
            <source>The receipt {file} cannot be read ({detail}).</source>
            <translation>رسید {file} خوانده نمی‌شود ({detail}).</translation>
        </message>
        <message>
            <source>A receipt was refused: {detail}</source>
            <translation>یک رسید پذیرفته نشد: {detail}</translation>
        </message>
        <message>
            <source>This request's signature headers are malformed.</source>
            <translation>سرآیندهای امضای این درخواست درست ساخته نشده‌اند.</translation>
        </message>
        <message>
            <source>This request's signature is not valid.</source>
            <translation>امضای این درخواست معتبر نیست.</translation>
        </message>
        <message>
            <source>This request is not signed.</source>
            <translation>این درخواست امضا نشده است.</translation>
        </message>
        <message>
            <source>This request was signed too long ago or in the future: check the computer's clock.</source>
            <translation>این درخواست مدت‌ها پیش یا در آینده امضا شده است: ساعت رایانه را بررسی کنید.</translation>
        </message>
        <message>
            <source>{server} sent a damaged list of batches.</source>
            <translation>{server} فهرست آسیب‌دیده‌ای از بسته‌ها فرستاد.</translation>
        </message>
        <message>
            <source>the server answered {status}</source>
            <translation>سرور با کد {status} پاسخ داد</translation>
        </message>
        <message>
            <source>The server's certificate is not the one the organizer pinned in the campaign. Do not sync over this network; tell the organizer.</source>
            <translation>گواهی سرور همانی نیست که برگزارکننده در کارزار تعیین کرده است. از راه این شبکه همگام‌سازی نکنید و به برگزارکننده خبر دهید.</translation>
        </message>
        <message>
            <source>The server at {server} collects for another campaign.</source>
            <translation>سرور {server} برای کارزار دیگری جمع‌آوری می‌کند.</translation>
        </message>
        <message>
            <source>The server at {server} did not answer in time ({last}).</source>
            <translation>سرور {server} به‌موقع پاسخ نداد ({last}).</translation>
        </message>
        <message>
            <source>The server at {server} sent a larger answer than any genuine one.</source>
            <translation>سرور {server} پاسخی فرستاد که از هر پاسخ واقعی بزرگ‌تر است.</translation>
        </message>
        <message>
            <source>the server could not be reached</source>
            <translation>دسترسی به سرور ممکن نشد</translation>
        </message>
        <message>
            <source>it took too long to answer</source>
            <translation>پاسخ دادن بیش از حد طول کشید</translation>
        </message>
        <message>
            <source>{file} is too large to be a genuine batch.</source>
            <translation>{file} بزرگ‌تر از آن است که بستهٔ واقعی باشد.</translation>
        </message>
        <message>
            <source>Where to? Give a server address or a folder (tomar sync --to URL|FOLDER); the campaign names no sync address.</source>
            <translation>به کجا؟ نشانی یک سرور یا یک پوشه را بدهید (‎tomar sync --to URL|FOLDER‎)؛ کارزار نشانی‌ای برای همگام‌سازی تعیین نکرده است.</translation>
        </message>
        <message>
            <source>Tomar cannot write to {folder} ({detail}).</source>
            <translation>طومار نمی‌تواند در {folder} بنویسد ({detail}).</translation>
        </message>
        <message>
            <source>There is already a vault in {home}.</source>
            <translation>در {home} از قبل یک گاوصندوق هست.</translation>
        </message>
        <message>
            <source>Please choose a passphrase of at least 8 characters.</source>
            <translation>لطفاً رمز عبوری با دست‌کم ۸ نویسه انتخاب کنید.</translation>
        </message>
        <message>
            <source>That file is too large to be an enrollment request.</source>
            <translation>این فایل بزرگ‌تر از آن است که درخواست ثبت باشد.</translation>
        </message>
        <message>
            <source>Something unexpected went wrong. Nothing was lost. Please try again, and tell the organizer if it happens again.</source>
            <translation>مشکل غیرمنتظره‌ای پیش آمد. چیزی از دست نرفته است. لطفاً دوباره امتحان کنید و اگر باز هم پیش آمد، به برگزارکننده خبر دهید.</translation>
        </message>
        <message>
            <source>Please choose how your name appears on the public sheets.</source>
            <translation>لطفاً انتخاب کنید نام شما در برگه‌های عمومی چگونه نمایش داده شود.</translation>
        </message>
        <message>
            <source>Please check this.</source>
            <translation>لطفاً این را بررسی کنید.</translation>
        </message>
        <message>
            <source>This does not look like a postal code. Please check it.</source>
            <translation>این به کد پستی شبیه نیست. لطفاً آن را بررسی کنید.</translation>
        </message>
        <message>
            <source>Please choose your state from the list.</source>
            <translation>لطفاً ایالت خود را از فهرست انتخاب کنید.</translation>
        </message>
        <message>
            <source>A ZIP code has five digits, or nine as in 20500-0003.</source>
            <translation>کد پستی (ZIP) پنج رقم دارد، یا نُه رقم مانند 20500-0003.</translation>
        </message>
        <message>
            <source>Please tick the box to agree, or you cannot sign.</source>
            <translation>برای امضا کردن، لطفاً خانهٔ «موافقم» را علامت بزنید.</translation>
        </message>
        <message>
            <source>This does not look like an email address, for example name@example.com.</source>
            <translation>این به نشانی ایمیل شبیه نیست. نمونه: ‎name@example.com</translation>
        </message>
        <message>
            <source>Please check the sheet number (letters, digits, -) and row (1-999).</source>
            <translation>لطفاً شمارهٔ برگه (حروف لاتین، رقم و خط تیره) و ردیف (۱ تا ۹۹۹) را بررسی کنید.</translation>
        </message>
        <message>
            <source>This row of this sheet was already entered.</source>
            <translation>این ردیفِ این برگه پیش‌تر تایپ شده است.</translation>
        </message>
        <message>
            <source>This device did not print a sheet with this number, or the sheet has fewer rows.</source>
            <translation>برگه‌ای با این شماره در این دستگاه چاپ نشده، یا این برگه این‌همه ردیف ندارد.</translation>
        </message>
        <message>
            <source>This does not look like a phone number. Include the country code.</source>
            <translation>این به شمارهٔ تلفن شبیه نیست. پیش‌شمارهٔ کشور را هم بنویسید.</translation>
        </message>
        <message>
            <source>Please fill this in.</source>
            <translation>لطفاً این خانه را پر کنید.</translation>
        </message>
        <message>
            <source>Please sign in the box.</source>
            <translation>لطفاً داخل کادر امضا کنید.</translation>
        </message>
        <message>
            <source>Your signature is too short. Please sign as you usually do: a dot or a small tick is not enough.</source>
            <translation>امضای شما خیلی کوتاه است. لطفاً همان‌طور که همیشه امضا می‌کنید امضا کنید؛ یک نقطه یا یک خط کوچک کافی نیست.</translation>
        </message>
        <message>
            <source>This is too long. Please shorten it.</source>
            <translation>این خیلی طولانی است. لطفاً کوتاه‌ترش کنید.</translation>
        </message>
        <message>
            <source>There is no such ZIP code. Please check the digits.</source>
            <translation>چنین کد پستی‌ای وجود ندارد. لطفاً رقم‌ها را بررسی کنید.</translation>
        </message>
        <message>
            <source>This ZIP code is in another state than the one you chose. If both are right, you can still sign.</source>
            <translation>این کد پستی در ایالت دیگری جز ایالتی است که انتخاب کرده‌اید. اگر هر دو درست است، باز هم می‌توانید امضا کنید.</translation>
        </message>
        <message>
            <source>a delivery packet</source>
            <translation>بستهٔ تحویل</translation>
        </message>
        <message>
            <source>a signature</source>
            <translation>یک امضا</translation>
        </message>
        <message>
            <source>batch</source>
            <translation>بسته</translation>
        </message>
        <message>
            <source>batch {number}</source>
            <translation>بستهٔ {number}</translation>
        </message>
        <message>
            <source>campaign package</source>
            <translation>فایل کارزار</translation>
        </message>
        <message>
            <source>closing record</source>
            <translation>سند پایان کارزار</translation>
        </message>
        <message>
            <source>consent</source>
            <translation>متن رضایت</translation>
        </message>
        <message>
            <source>device certificate</source>
            <translation>گواهی دستگاه</translation>
        </message>
        <message>
            <source>enrollment request</source>
            <translation>درخواست ثبت</translation>
        </message>
        <message>
            <source>height</source>
            <translation>بلندی</translation>
        </message>
        <message>
            <source>batch {batch} (it is kept on this device; 'tomar sync --to FOLDER' writes it)</source>
            <translation>بستهٔ {batch} (روی این دستگاه نگه داشته می‌شود و ‎'tomar sync --to FOLDER'‎ آن را می‌نویسد)</translation>
        </message>
        <message>
            <source>receipt</source>
            <translation>رسید</translation>
        </message>
        <message>
            <source>text</source>
            <translation>متن طومار</translation>
        </message>
        <message>
            <source>the aggregate CSV</source>
            <translation>فایل CSV شمارها</translation>
        </message>
        <message>
            <source>the batch</source>
            <translation>بسته</translation>
        </message>
        <message>
            <source>the certificate</source>
            <translation>گواهی</translation>
        </message>
        <message>
            <source>the closing record</source>
            <translation>سند پایان کارزار</translation>
        </message>
        <message>
            <source>the copy of the vault</source>
            <translation>رونوشت گاوصندوق</translation>
        </message>
        <message>
            <source>the CSV file</source>
            <translation>فایل CSV</translation>
        </message>
        <message>
            <source>the delivery sheets</source>
            <translation>برگه‌های تحویل</translation>
        </message>
        <message>
            <source>the delivery summary</source>
            <translation>خلاصهٔ تحویل</translation>
        </message>
        <message>
            <source>the file</source>
            <translation>فایل</translation>
        </message>
        <message>
            <source>the identity file</source>
            <translation>فایل هویت</translation>
        </message>
        <message>
            <source>the key backup</source>
            <translation>پشتیبان کلید</translation>
        </message>
        <message>
            <source>the key file</source>
            <translation>فایل کلید</translation>
        </message>
        <message>
            <source>the new vault</source>
            <translation>گاوصندوق تازه</translation>
        </message>
        <message>
            <source>the packets CSV</source>
            <translation>فایل CSV بسته‌ها</translation>
        </message>
        <message>
            <source>the receipt</source>
            <translation>رسید</translation>
        </message>
        <message>
            <source>the recovery shares</source>
            <translation>سهم‌های بازیابی</translation>
        </message>
        <message>
            <source>the report</source>
            <translation>گزارش</translation>
        </message>
        <message>
            <source>the sheets</source>
            <translation>برگه‌ها</translation>
        </message>
        <message>
            <source>title</source>
            <translation>عنوان</translation>
        </message>
        <message>
            <source>trusted</source>
            <translation>مورد اعتماد</translation>
        </message>
        <message>
            <source>untrusted</source>
            <translation>غیرقابل اعتماد</translation>
        </message>
        <message>
            <source>width</source>
            <translation>پهنا</translation>
        </message>
        <message>
            <source>Already held: waiting for your approval.</source>
            <translation>قبلاً نگه داشته شده و در انتظار تأیید شماست.</translation>
        </message>
        <message>
            <source>Already imported; nothing changed.</source>
            <translation>قبلاً وارد شده بود؛ چیزی تغییر نکرد.</translation>
        </message>
        <message>
            <source>Already imported (this file is a copy); nothing changed.</source>
            <translation>قبلاً وارد شده بود (این فایل یک رونوشت است)؛ چیزی تغییر نکرد.</translation>
        </message>
        <message>
            <source>Held for your review: batch {batch} of device {device} is numbered more than {jump} past its last batch. If the device is genuine, approve it to import the batch.</source>
            <translation>در انتظار تأیید شما: شمارهٔ بستهٔ {batch} از دستگاه {device} بیش از {jump} شماره از آخرین بستهٔ آن جلوتر است. اگر دستگاه واقعی است، آن را تأیید کنید تا بسته وارد شود.</translation>
        </message>
        <message>
            <source>Held: device {device} is not enrolled. Check it, then approve it.</source>
            <translation>در انتظار تأیید: دستگاه {device} ثبت نشده است. آن را بررسی و سپس تأیید کنید.</translation>
        </message>
        <message>
            <source>Not held: batches of devices you have not enrolled already fill their allowance ({count} batches, {mib} MiB). Enroll or approve the devices you know, then import this batch again.</source>
            <translation>در انتظار تأیید قرار نگرفت: بسته‌های دستگاه‌های ثبت‌نشده سهمیهٔ خود را پر کرده‌اند ({count} بسته، {mib} مگابایت). دستگاه‌هایی را که می‌شناسید ثبت یا تأیید کنید و سپس این بسته را دوباره وارد کنید.</translation>
        </message>
        <message>
            <source>{count} of their ids had already come from device {device}; they were kept as this device's own.</source>
            <translation>{count} شناسه از این موارد پیش‌تر از دستگاه {device} آمده بود؛ به نام همین دستگاه نگه داشته شدند.</translation>
        </message>
        <message>
            <source>Imported {count} records.</source>
            <translation>{count} مورد وارد شد.</translation>
        </message>
        <message>
            <source>This campaign has no extra consent with that purpose.</source>
            <translation>این کارزار رضایت اضافه‌ای با این هدف ندارد.</translation>
        </message>
        <message>
            <source>This campaign has no extra consent with that purpose (it has: {purposes}).</source>
            <translation>این کارزار رضایت اضافه‌ای با این هدف ندارد (رضایت‌های آن: {purposes}).</translation>
        </message>
        <message>
            <source>Record {record}: {reason}</source>
            <translation>مورد {record}: {reason}</translation>
        </message>
        <message>
            <source>Waiting for batch {batches} of this device.</source>
            <translation>در انتظار بستهٔ {batches} از این دستگاه.</translation>
        </message>
        <message>
            <source>{words}</source>
            <translation>{words}</translation>
        </message>
        <message>
            <source>Please check these fields: {fields}.</source>
            <translation>لطفاً این خانه‌ها را بررسی کنید: {fields}.</translation>
        </message>
        <message>
            <source>{first} {second}</source>
            <translation>{first} {second}</translation>
        </message>
        <message>
            <source>backup file</source>
            <translation>فایل پشتیبان</translation>
        </message>
        <message>
            <source>campaign spec</source>
            <translation>مشخصات کارزار</translation>
        </message>
        <message>
            <source>certificate</source>
            <translation>گواهی</translation>
        </message>
        <message>
            <source>district table</source>
            <translation>جدول حوزه‌ها</translation>
        </message>
        <message>
            <source>shares file</source>
            <translation>فایل سهم‌ها</translation>
        </message>
        <message>
            <source>strokes file</source>
            <translation>فایل امضای دست‌نویس</translation>
        </message>
        <message>
            <source>the batch metadata</source>
            <translation>اطلاعات بسته</translation>
        </message>
        <message>
            <source>the store marker</source>
            <translation>نشانگر انبار</translation>
        </message>
        <message>
            <source>the campaign package</source>
            <translation>فایل کارزار</translation>
        </message>
        <message>
            <source>the enrollment request</source>
            <translation>درخواست ثبت دستگاه</translation>
        </message>
        <message>
            <source>No decision was made on this signer.</source>
            <translation>دربارهٔ این امضاکننده تصمیمی گرفته نشده است.</translation>
        </message>
        <message>
            <source>Undo the merge on the signer it was made on.</source>
            <translation>یکی کردن را روی همان امضاکننده‌ای برگردانید که روی او انجام شد.</translation>
        </message>
        <message>
            <source>None of the batches named comes from the device with that fingerprint, and no such device has sent a batch or been enrolled: nothing was approved or imported. They are signed by: {devices}. Compare with the fingerprint the device shows.</source>
            <translation>هیچ‌یک از این بسته‌ها از دستگاهی با این اثر انگشت نیست، و چنین دستگاهی نه بسته‌ای فرستاده و نه ثبت شده است: هیچ دستگاهی تأیید نشد و چیزی وارد نشد. این بسته‌ها را این دستگاه‌ها امضا کرده‌اند: {devices}. اثر انگشتی را که دستگاه نشان می‌دهد با این‌ها مقایسه کنید.</translation>
        </message>
    </context>
    <context>
        <name>EventForm</name>
        <message>
            <source>Start an event</source>
            <translation>شروع رویداد</translation>
        </message>
        <message>
            <source>An event is one rally or stand. Signatures are counted per event.</source>
            <translation>هر رویداد یک تجمع یا یک میز امضاست. امضاها برای هر رویداد جدا شمرده می‌شوند.</translation>
        </message>
        <message>
            <source>Name of the event</source>
            <translation>نام رویداد</translation>
        </message>
        <message>
            <source>For example: Rally at the Capitol</source>
            <translation>مثلاً: تجمع مقابل کنگره</translation>
        </message>
        <message>
            <source>Place</source>
            <translation>مکان</translation>
        </message>
        <message>
            <source>For example: Washington, DC</source>
            <translation>مثلاً: واشنگتن دی‌سی</translation>
        </message>
        <message>
            <source>Choose a volunteer PIN (4 to 12 digits). It is needed to leave the signing kiosk, so signers cannot leave it by themselves.</source>
            <translation>یک پین داوطلب (۴ تا ۱۲ رقم) انتخاب کنید. این پین برای بیرون آمدن از صفحهٔ امضا لازم است، تا امضاکنندگان نتوانند خودشان از آن بیرون بروند.</translation>
        </message>
        <message>
            <source>PIN</source>
            <translation>پین</translation>
        </message>
        <message>
            <source>The same PIN again</source>
            <translation>تکرار همان پین</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>انصراف</translation>
        </message>
        <message>
            <source>Start the event</source>
            <translation>شروع رویداد</translation>
        </message>
    </context>
    <context>
        <name>EventScreen</name>
        <message>
            <source>Set the volunteer PIN</source>
            <translation>تعیین پین داوطلب</translation>
        </message>
        <message>
            <source>The event “%1” has no volunteer PIN yet.</source>
            <translation>رویداد «%1» هنوز پین داوطلب ندارد.</translation>
        </message>
        <message>
            <source>Set the PIN</source>
            <translation>ثبت پین</translation>
        </message>
        <message>
            <source>Start an event</source>
            <translation>شروع رویداد</translation>
        </message>
        <message>
            <source>An event is one rally or stand. Signatures are counted per event.</source>
            <translation>هر رویداد یک تجمع یا یک میز امضاست. امضاها برای هر رویداد جدا شمرده می‌شوند.</translation>
        </message>
        <message>
            <source>Start the event</source>
            <translation>شروع رویداد</translation>
        </message>
        <message>
            <source>Please give the event a name.</source>
            <translation>لطفاً برای رویداد نامی بنویسید.</translation>
        </message>
        <message>
            <source>The PIN must be 4 to 12 digits.</source>
            <translation>پین باید ۴ تا ۱۲ رقم باشد.</translation>
        </message>
        <message>
            <source>The two PINs are not the same.</source>
            <translation>دو پین یکسان نیستند.</translation>
        </message>
    </context>
    <context>
        <name>FirstRunForm</name>
        <message>
            <source>Welcome to Tomar</source>
            <translation>به طومار خوش آمدید</translation>
        </message>
        <message>
            <source>First, choose a passphrase for this device. It protects the vault on this computer. Anyone who knows it can open the vault, so do not write it on the laptop. If you forget it, the signatures on this device cannot be opened.</source>
            <translation>اول یک رمز عبور برای این دستگاه انتخاب کنید. این رمز از گاوصندوقِ روی این رایانه محافظت می‌کند. هر کس آن را بداند می‌تواند گاوصندوق را باز کند، پس آن را روی لپ‌تاپ ننویسید. اگر فراموشش کنید، امضاهای این دستگاه دیگر باز نمی‌شوند.</translation>
        </message>
        <message>
            <source>Passphrase (at least 8 characters)</source>
            <translation>رمز عبور (دست‌کم ۸ نویسه)</translation>
        </message>
        <message>
            <source>The same passphrase again</source>
            <translation>تکرار همان رمز عبور</translation>
        </message>
        <message>
            <source>Create the vault</source>
            <translation>ساختن گاوصندوق</translation>
        </message>
        <message>
            <source>Choose the campaign</source>
            <translation>انتخاب کارزار</translation>
        </message>
        <message>
            <source>Import the campaign package the organizer gave you (a file ending in .tomar-campaign), or try Tomar with the demo campaign.</source>
            <translation>فایل کارزاری را که برگزارکننده به شما داده است (فایلی با پسوند ‎.tomar-campaign‏) وارد کنید، یا طومار را با کارزار نمایشی امتحان کنید.</translation>
        </message>
        <message>
            <source>Import campaign package…</source>
            <translation>وارد کردن فایل کارزار…</translation>
        </message>
        <message>
            <source>Try the demo campaign</source>
            <translation>امتحان با کارزار نمایشی</translation>
        </message>
        <message>
            <source>Check the organizer fingerprint</source>
            <translation>اثر انگشت (کد شناسایی) برگزارکننده را بررسی کنید</translation>
        </message>
        <message>
            <source>DEMO campaign: its key is public. Never collect real signatures with it.</source>
            <translation>کارزار نمایشی: کلید آن عمومی است. هرگز با آن امضای واقعی جمع نکنید.</translation>
        </message>
        <message>
            <source>Compare these digits with the fingerprint the organizer gave you in person or by phone. Use this campaign only if every group is the same.</source>
            <translation>این رقم‌ها را با اثر انگشتی که برگزارکننده حضوری یا تلفنی به شما داده است مقایسه کنید. فقط اگر همهٔ گروه‌ها یکسان بودند از این کارزار استفاده کنید.</translation>
        </message>
        <message>
            <source>The digits match: use this campaign</source>
            <translation>رقم‌ها یکسان‌اند؛ از این کارزار استفاده شود</translation>
        </message>
        <message>
            <source>They do not match</source>
            <translation>یکسان نیستند</translation>
        </message>
    </context>
    <context>
        <name>FirstRunScreen</name>
        <message>
            <source>Too short: use at least 8 characters. A few unrelated words are best.</source>
            <translation>خیلی کوتاه است: دست‌کم ۸ نویسه بنویسید. چند کلمهٔ بی‌ربط به هم بهترین انتخاب است.</translation>
        </message>
        <message>
            <source>Weak: longer is better, for example four unrelated words.</source>
            <translation>ضعیف: بلندتر بهتر است، مثلاً چهار کلمهٔ بی‌ربط به هم.</translation>
        </message>
        <message>
            <source>Fair. Longer would be better.</source>
            <translation>متوسط. بلندتر بهتر است.</translation>
        </message>
        <message>
            <source>Strong.</source>
            <translation>قوی.</translation>
        </message>
        <message>
            <source>Use at least 8 characters. A few unrelated words are best.</source>
            <translation>دست‌کم ۸ نویسه بنویسید. چند کلمهٔ بی‌ربط به هم بهترین انتخاب است.</translation>
        </message>
        <message>
            <source>Please use at least 8 characters.</source>
            <translation>لطفاً دست‌کم ۸ نویسه بنویسید.</translation>
        </message>
        <message>
            <source>The two passphrases are not the same.</source>
            <translation>دو رمز عبور یکسان نیستند.</translation>
        </message>
        <message>
            <source>Creating the vault…</source>
            <translation>در حال ساختن گاوصندوق…</translation>
        </message>
        <message>
            <source>Campaign package</source>
            <translation>فایل کارزار</translation>
        </message>
        <message>
            <source>Campaign packages (*.tomar-campaign);;All files (*)</source>
            <translation>فایل‌های کارزار (*.tomar-campaign);;همهٔ فایل‌ها (*)</translation>
        </message>
        <message>
            <source>That file cannot be read.</source>
            <translation>این فایل خوانده نمی‌شود.</translation>
        </message>
        <message>
            <source>That file is too large.</source>
            <translation>این فایل بیش از حد بزرگ است.</translation>
        </message>
        <message>
            <source>Nothing was imported. Ask the organizer for the right package.</source>
            <translation>چیزی وارد نشد. فایل درست کارزار را از برگزارکننده بخواهید.</translation>
        </message>
    </context>
    <context>
        <name>HomeForm</name>
        <message>
            <source>DEMO</source>
            <translation>نمایشی</translation>
        </message>
        <message>
            <source>Signatures today</source>
            <translation>امضاهای امروز</translation>
        </message>
        <message>
            <source>At this event</source>
            <translation>در این رویداد</translation>
        </message>
        <message>
            <source>In total</source>
            <translation>در مجموع</translation>
        </message>
        <message>
            <source>Waiting for export</source>
            <translation>در انتظار خروجی گرفتن</translation>
        </message>
        <message>
            <source>Start an event</source>
            <translation>شروع رویداد</translation>
        </message>
        <message>
            <source>End the event</source>
            <translation>پایان رویداد</translation>
        </message>
        <message>
            <source>Open the signing kiosk</source>
            <translation>باز کردن صفحهٔ امضا</translation>
        </message>
        <message>
            <source>Type in paper sheets</source>
            <translation>تایپ برگه‌های کاغذی</translation>
        </message>
        <message>
            <source>Records</source>
            <translation>امضاها</translation>
        </message>
        <message>
            <source>Export a batch…</source>
            <translation>خروجی گرفتن بستهٔ امضاها…</translation>
        </message>
        <message>
            <source>Settings</source>
            <translation>تنظیمات</translation>
        </message>
        <message>
            <source>Ctrl+Shift+L locks at once.</source>
            <translation>با ‎Ctrl+Shift+L‏ همه‌چیز فوراً قفل می‌شود.</translation>
        </message>
        <message>
            <source>Lock</source>
            <translation>قفل</translation>
        </message>
    </context>
    <context>
        <name>HomeScreen</name>
        <message>
            <source>No event is running. Start one to collect signatures.</source>
            <translation>هیچ رویدادی در جریان نیست. برای جمع‌آوری امضا یک رویداد را شروع کنید.</translation>
        </message>
        <message>
            <source>Event: %1 — %2</source>
            <translation>رویداد: %1 — %2</translation>
        </message>
        <message>
            <source>Event: %1</source>
            <translation>رویداد: %1</translation>
        </message>
        <message>
            <source>End the event?</source>
            <translation>رویداد تمام شود؟</translation>
        </message>
        <message>
            <source>The kiosk closes and its PIN is forgotten. The signatures stay.</source>
            <translation>صفحهٔ امضا بسته و پین آن پاک می‌شود. امضاها نگه داشته می‌شوند.</translation>
        </message>
        <message>
            <source>End the event</source>
            <translation>پایان رویداد</translation>
        </message>
    </context>
    <context>
        <name>Kiosk</name>
        <message>
            <source>Your details (fields marked * are required)</source>
            <translation>مشخصات شما (پر کردن خانه‌های ستاره‌دار * لازم است)</translation>
        </message>
        <message>
            <source>*</source>
            <translation>*</translation>
        </message>
        <message>
            <source>To: %1</source>
            <translation>خطاب به: %1</translation>
        </message>
        <message>
            <source>Your signature</source>
            <translation>امضای شما</translation>
        </message>
        <message>
            <source>Sign here with your finger, a pen or the mouse</source>
            <translation>اینجا با انگشت، قلم یا ماوس امضا کنید</translation>
        </message>
        <message>
            <source>I agree</source>
            <translation>موافقم</translation>
        </message>
        <message>
            <source>How should your name appear on the public petition sheets?</source>
            <translation>نام شما در برگه‌های عمومی طومار چگونه نوشته شود؟</translation>
        </message>
        <message>
            <source>Full name</source>
            <translation>نام کامل</translation>
        </message>
        <message>
            <source>Initials only</source>
            <translation>فقط حرف اول نام و نام خانوادگی (مثلاً س. ن.)</translation>
        </message>
        <message>
            <source>Not shown</source>
            <translation>نوشته نشود</translation>
        </message>
        <message>
            <source>Thank you!</source>
            <translation>متشکریم!</translation>
        </message>
        <message>
            <source>Your signature is saved and sealed. Only the organizers of this petition can read it.</source>
            <translation>امضای شما ذخیره و رمزگذاری شد. فقط برگزارکنندگان این طومار می‌توانند آن را بخوانند.</translation>
        </message>
        <message>
            <source>Please check the marked parts of the form.</source>
            <translation>لطفاً بخش‌های مشخص‌شدهٔ فرم را بررسی کنید.</translation>
        </message>
        <message>
            <source>Signatures at this event: %1</source>
            <translation>امضاهای این رویداد: %1</translation>
        </message>
        <message>
            <source>Clear the last line</source>
            <translation>پاک کردن آخرین خط</translation>
        </message>
        <message>
            <source>Clear the signature</source>
            <translation>پاک کردن امضا</translation>
        </message>
        <message>
            <source>Submit my signature</source>
            <translation>ثبت امضای من</translation>
        </message>
        <message>
            <source>Read the petition</source>
            <translation>خواندن متن طومار</translation>
        </message>
        <message>
            <source>Hide the petition text</source>
            <translation>بستن متن طومار</translation>
        </message>
        <message>
            <source>Signature pad</source>
            <translation>کادر امضا</translation>
        </message>
        <message>
            <source>Draw your signature here with a finger, a pen or the mouse.</source>
            <translation>امضای خود را اینجا با انگشت، قلم یا ماوس بکشید.</translation>
        </message>
        <message>
            <source>Required</source>
            <translation>الزامی</translation>
        </message>
        <message>
            <source>Saves your signature, sealed so that only the organizers can read it.</source>
            <translation>امضای شما را ذخیره می‌کند؛ رمزگذاری‌شده، تا فقط برگزارکنندگان بتوانند آن را بخوانند.</translation>
        </message>
        <message numerus="yes">
            <source>Are you still there? This form will be cleared in %Ln seconds. Touch the screen to continue.</source>
            <translation>
                <numerusform>هنوز اینجا هستید؟ این فرم تا %Ln ثانیهٔ دیگر پاک می‌شود. برای ادامه، صفحه را لمس کنید.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>KioskForm</name>
        <message>
            <source>Volunteer</source>
            <translation>داوطلب</translation>
        </message>
        <message>
            <source>Back to signing</source>
            <translation>بازگشت به امضا</translation>
        </message>
        <message>
            <source>Void the last entry…</source>
            <translation>باطل کردن آخرین امضا…</translation>
        </message>
        <message>
            <source>Leave the kiosk</source>
            <translation>خروج از صفحهٔ امضا</translation>
        </message>
        <message>
            <source>Lock</source>
            <translation>قفل</translation>
        </message>
    </context>
    <context>
        <name>KioskScreen</name>
        <message>
            <source>That PIN is not right.</source>
            <translation>این پین درست نیست.</translation>
        </message>
        <message>
            <source>At this event: %1 · Today: %2 · In total: %3</source>
            <translation>این رویداد: %1 · امروز: %2 · در مجموع: %3</translation>
        </message>
        <message>
            <source>Void the last entry?</source>
            <translation>آخرین امضا باطل شود؟</translation>
        </message>
        <message>
            <source>Use this when the last signer asks to withdraw, or for a test entry. The entry is marked void for the organizer; it cannot be undone.</source>
            <translation>اگر آخرین امضاکننده بخواهد امضایش را پس بگیرد، یا اگر امضا فقط برای آزمایش بوده است، آن را باطل کنید. برگزارکننده این امضا را باطل‌شده می‌بیند و این کار برگشت‌پذیر نیست.</translation>
        </message>
        <message>
            <source>Void it</source>
            <translation>باطل شود</translation>
        </message>
        <message>
            <source>The last entry was voided.</source>
            <translation>آخرین امضا باطل شد.</translation>
        </message>
        <message numerus="yes">
            <source>Too many wrong PINs. Wait %Ln seconds.</source>
            <translation>
                <numerusform>پین چند بار اشتباه تایپ شد. لطفاً %Ln ثانیه صبر کنید.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Too many wrong PINs. The PIN you typed will be checked in %Ln seconds.</source>
            <translation>
                <numerusform>پین چند بار اشتباه تایپ شد. پینی که تایپ کردید %Ln ثانیهٔ دیگر بررسی می‌شود.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>PaperForm</name>
        <message>
            <source>Type in a paper sheet</source>
            <translation>تایپ برگهٔ کاغذی</translation>
        </message>
        <message>
            <source>Type each row as it is written on the sheet. Each row is sealed for the organizer when you save it, like a signature in the kiosk.</source>
            <translation>هر ردیف را همان‌طور که روی برگه نوشته شده تایپ کنید. هر ردیف هنگام ذخیره، مثل امضاهای صفحهٔ امضا، برای برگزارکننده رمزگذاری می‌شود.</translation>
        </message>
        <message>
            <source>Sheet number</source>
            <translation>شمارهٔ برگه</translation>
        </message>
        <message>
            <source>For example: A-0012</source>
            <translation>مثلاً: A-0012</translation>
        </message>
        <message>
            <source>Row</source>
            <translation>ردیف</translation>
        </message>
        <message>
            <source>Sheet language</source>
            <translation>زبان برگه</translation>
        </message>
        <message>
            <source>The signer ticked the consent box on the sheet</source>
            <translation>امضاکننده خانهٔ موافقت را روی برگه علامت زده است</translation>
        </message>
        <message>
            <source>Name on public sheets:</source>
            <translation>نام در برگه‌های عمومی:</translation>
        </message>
        <message>
            <source>Full name</source>
            <translation>نام کامل</translation>
        </message>
        <message>
            <source>Initials only</source>
            <translation>فقط حرف اول نام و نام خانوادگی (مثلاً س. ن.)</translation>
        </message>
        <message>
            <source>Hidden</source>
            <translation>نوشته نشود</translation>
        </message>
        <message>
            <source>Back</source>
            <translation>بازگشت</translation>
        </message>
        <message>
            <source>Save and seal this row</source>
            <translation>ذخیره و رمزگذاری این ردیف</translation>
        </message>
        <message>
            <source>Blank sheets to hand out</source>
            <translation>برگه‌های کاغذی خالی برای پخش</translation>
        </message>
        <message>
            <source>Sheets</source>
            <translation>تعداد برگه</translation>
        </message>
        <message>
            <source>Language</source>
            <translation>زبان</translation>
        </message>
        <message>
            <source>Save as PDF…</source>
            <translation>ذخیره به‌صورت PDF…</translation>
        </message>
        <message>
            <source>Open to print</source>
            <translation>باز کردن برای چاپ</translation>
        </message>
    </context>
    <context>
        <name>PaperScreen</name>
        <message>
            <source>Row %1 of sheet %2 was already entered.</source>
            <translation>ردیف %1 برگهٔ %2 قبلاً تایپ شده است.</translation>
        </message>
        <message>
            <source>Not saved. Please check the marked fields.</source>
            <translation>ذخیره نشد. لطفاً خانه‌های مشخص‌شده را بررسی کنید.</translation>
        </message>
        <message>
            <source>Row %1 of sheet %2 is saved and sealed.</source>
            <translation>ردیف %1 برگهٔ %2 ذخیره و رمزگذاری شد.</translation>
        </message>
        <message>
            <source>Where to save the blank sheets</source>
            <translation>برگه‌های خالی کجا ذخیره شوند؟</translation>
        </message>
        <message>
            <source>Writing the blank sheets…</source>
            <translation>در حال ساختن برگه‌های خالی…</translation>
        </message>
        <message>
            <source>The sheets are open in your PDF viewer: print them from there.</source>
            <translation>برگه‌ها در برنامهٔ نمایش PDF باز شدند؛ از همان‌جا چاپشان کنید.</translation>
        </message>
        <message>
            <source>Blank sheets saved: %1</source>
            <translation>برگه‌های خالی ذخیره شدند: %1</translation>
        </message>
        <message>
            <source>Required</source>
            <translation>الزامی</translation>
        </message>
    </context>
    <context>
        <name>PassphraseDialog</name>
        <message>
            <source>Tomar</source>
            <translation>طومار</translation>
        </message>
        <message>
            <source>Change passphrase</source>
            <translation>تغییر رمز عبور</translation>
        </message>
        <message>
            <source>The vault is copied under a new key: a copy of the old key file with the old passphrase will open nothing. This takes a moment.</source>
            <translation>گاوصندوق با کلیدی تازه رونویسی می‌شود: نسخه‌ای از فایل کلید قدیمی با رمز عبور قدیمی دیگر چیزی را باز نمی‌کند. این کار کمی طول می‌کشد.</translation>
        </message>
        <message>
            <source>Current passphrase</source>
            <translation>رمز عبور فعلی</translation>
        </message>
        <message>
            <source>New passphrase</source>
            <translation>رمز عبور تازه</translation>
        </message>
        <message>
            <source>Repeat the new passphrase</source>
            <translation>تکرار رمز عبور تازه</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>انصراف</translation>
        </message>
    </context>
    <context>
        <name>PinDialog</name>
        <message>
            <source>Tomar</source>
            <translation>طومار</translation>
        </message>
        <message>
            <source>Volunteer PIN</source>
            <translation>پین داوطلب</translation>
        </message>
        <message>
            <source>Enter the volunteer PIN of this event.</source>
            <translation>پین داوطلب این رویداد را تایپ کنید.</translation>
        </message>
        <message>
            <source>PIN</source>
            <translation>پین</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>انصراف</translation>
        </message>
        <message>
            <source>OK</source>
            <translation>تأیید</translation>
        </message>
    </context>
    <context>
        <name>RecordsForm</name>
        <message>
            <source>Sync now</source>
            <translation>همگام‌سازی</translation>
        </message>
        <message>
            <source>Records on this device</source>
            <translation>امضاهای این دستگاه</translation>
        </message>
        <message>
            <source>Only times, events and status are shown. Names and other details are sealed for the organizer: this device cannot read them.</source>
            <translation>فقط زمان، رویداد و وضعیت نشان داده می‌شود. نام‌ها و دیگر مشخصات برای برگزارکننده رمزگذاری شده‌اند و این دستگاه نمی‌تواند آن‌ها را بخواند.</translation>
        </message>
        <message>
            <source>Back</source>
            <translation>بازگشت</translation>
        </message>
        <message>
            <source>Cancel export</source>
            <translation>لغو خروجی</translation>
        </message>
        <message>
            <source>Export a batch…</source>
            <translation>خروجی گرفتن بستهٔ امضاها…</translation>
        </message>
    </context>
    <context>
        <name>RecordsScreen</name>
        <message>
            <source>never</source>
            <translation>هنوز انجام نشده</translation>
        </message>
        <message>
            <source>Last successful sync: %1. Batches waiting for a receipt: %2.</source>
            <translation>آخرین همگام‌سازی موفق: %1. بسته‌های در انتظار رسید: %2.</translation>
        </message>
        <message>
            <source>Sync through folder</source>
            <translation>همگام‌سازی از راه پوشه</translation>
        </message>
        <message>
            <source>Syncing…</source>
            <translation>در حال همگام‌سازی…</translation>
        </message>
        <message>
            <source>Sync cancelled. Nothing was lost.</source>
            <translation>همگام‌سازی لغو شد. چیزی از دست نرفت.</translation>
        </message>
        <message>
            <source>New records sent: %1. Records the organizer confirmed: %2.</source>
            <translation>امضاهای تازهٔ فرستاده‌شده: %1. امضاهایی که برگزارکننده تأیید کرد: %2.</translation>
        </message>
        <message>
            <source>Time</source>
            <translation>زمان</translation>
        </message>
        <message>
            <source>Event</source>
            <translation>رویداد</translation>
        </message>
        <message>
            <source>Source</source>
            <translation>منبع</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>وضعیت</translation>
        </message>
        <message>
            <source>Exported</source>
            <translation>خروجی</translation>
        </message>
        <message>
            <source>Kiosk</source>
            <translation>صفحهٔ امضا</translation>
        </message>
        <message>
            <source>Paper</source>
            <translation>کاغذی</translation>
        </message>
        <message>
            <source>Command line</source>
            <translation>خط فرمان</translation>
        </message>
        <message>
            <source>Void note</source>
            <translation>یادداشت ابطال</translation>
        </message>
        <message>
            <source>Voided</source>
            <translation>باطل‌شده</translation>
        </message>
        <message>
            <source>Valid</source>
            <translation>معتبر</translation>
        </message>
        <message>
            <source>No</source>
            <translation>هنوز انجام نشده</translation>
        </message>
        <message>
            <source>Batch %1</source>
            <translation>بستهٔ %1</translation>
        </message>
        <message>
            <source>Export to folder</source>
            <translation>خروجی در پوشه</translation>
        </message>
        <message>
            <source>Exporting…</source>
            <translation>در حال خروجی گرفتن…</translation>
        </message>
        <message>
            <source>Cancelling…</source>
            <translation>در حال لغو…</translation>
        </message>
        <message numerus="yes">
            <source>%Ln valid signatures.</source>
            <translation>
                <numerusform>%Ln امضای معتبر.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Batch %1 with %Ln records written to %2</source>
            <translation>
                <numerusform>بستهٔ %1 با %Ln امضا در این مسیر نوشته شد: %2</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln waiting for export.</source>
            <translation>
                <numerusform>%Ln امضا در انتظار خروجی گرفتن.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>SettingsForm</name>
        <message>
            <source>Settings</source>
            <translation>تنظیمات</translation>
        </message>
        <message>
            <source>This device</source>
            <translation>این دستگاه</translation>
        </message>
        <message>
            <source>Interface language</source>
            <translation>زبان برنامه</translation>
        </message>
        <message>
            <source>Lock after this many minutes without use</source>
            <translation>قفل خودکار، اگر این تعداد دقیقه از دستگاه استفاده نشود</translation>
        </message>
        <message>
            <source>Text size</source>
            <translation>اندازهٔ نوشته</translation>
        </message>
        <message>
            <source>Large text</source>
            <translation>نوشتهٔ درشت</translation>
        </message>
        <message>
            <source>About</source>
            <translation>دربارهٔ طومار</translation>
        </message>
        <message>
            <source>Version</source>
            <translation>نسخه</translation>
        </message>
        <message>
            <source>Campaign</source>
            <translation>کارزار</translation>
        </message>
        <message>
            <source>Device fingerprint</source>
            <translation>اثر انگشت دستگاه</translation>
        </message>
        <message>
            <source>Organizer fingerprint</source>
            <translation>اثر انگشت برگزارکننده</translation>
        </message>
        <message>
            <source>Vault folder</source>
            <translation>پوشهٔ گاوصندوق</translation>
        </message>
        <message>
            <source>Back</source>
            <translation>بازگشت</translation>
        </message>
        <message>
            <source>Save</source>
            <translation>ذخیره</translation>
        </message>
        <message>
            <source>Vault passphrase</source>
            <translation>رمز عبور گاوصندوق</translation>
        </message>
        <message>
            <source>Change passphrase…</source>
            <translation>تغییر رمز عبور…</translation>
        </message>
    </context>
    <context>
        <name>SettingsScreen</name>
        <message>
            <source>%1 (DEMO: never collect real signatures)</source>
            <translation>%1 (نمایشی: هرگز امضای واقعی جمع نکنید)</translation>
        </message>
        <message>
            <source>Saved.</source>
            <translation>ذخیره شد.</translation>
        </message>
        <message>
            <source>Type the current passphrase.</source>
            <translation>رمز عبور فعلی را تایپ کنید.</translation>
        </message>
        <message>
            <source>The two new passphrases are not the same.</source>
            <translation>دو رمز عبور تازه یکسان نیستند.</translation>
        </message>
        <message>
            <source>Changing the passphrase: the vault is being copied…</source>
            <translation>در حال تغییر رمز عبور: گاوصندوق در حال رونویسی است…</translation>
        </message>
        <message>
            <source>The current passphrase is not correct. Nothing was changed.</source>
            <translation>رمز عبور فعلی درست نیست. چیزی تغییر نکرد.</translation>
        </message>
        <message>
            <source>Passphrase changed. The vault was copied under a new key: use the new passphrase from now on.</source>
            <translation>رمز عبور تغییر کرد. گاوصندوق با کلیدی تازه رونویسی شد: از این پس رمز عبور تازه را به کار ببرید.</translation>
        </message>
    </context>
    <context>
        <name>UnlockForm</name>
        <message>
            <source>The vault is locked</source>
            <translation>گاوصندوق قفل است</translation>
        </message>
        <message>
            <source>Enter the passphrase of this device to continue.</source>
            <translation>برای ادامه، رمز عبور این دستگاه را تایپ کنید.</translation>
        </message>
        <message>
            <source>Passphrase</source>
            <translation>رمز عبور</translation>
        </message>
        <message>
            <source>Unlock</source>
            <translation>باز کردن قفل</translation>
        </message>
    </context>
    <context>
        <name>UnlockScreen</name>
        <message>
            <source>Unlocking…</source>
            <translation>در حال باز کردن قفل…</translation>
        </message>
        <message>
            <source>That passphrase is not right. Please try again.</source>
            <translation>رمز عبور درست نیست. لطفاً دوباره امتحان کنید.</translation>
        </message>
        <message>
            <source>Your vault was upgraded for this version of Tomar.</source>
            <translation>گاوصندوق شما برای این نسخهٔ طومار به‌روز شد.</translation>
        </message>
        <message>
            <source>A copy from before the upgrade is kept beside it: %1. The earlier version of Tomar opens it with the same passphrase. The copy is deleted the next time the vault gets a new key, for example when you change the passphrase.</source>
            <translation>یک نسخهٔ پشتیبان از گاوصندوق، آن‌طور که پیش از به‌روزرسانی بود، کنارش نگه داشته شده است: %1. نسخهٔ قبلی طومار آن را با همان رمز عبور باز می‌کند. این نسخهٔ پشتیبان دفعهٔ بعد که گاوصندوق کلید تازه بگیرد، مثلاً وقتی رمز عبور را تغییر دهید، پاک می‌شود.</translation>
        </message>
    </context>
    <context>
        <name>OrganizerEntry</name>
        <message>
            <source>I am the organizer: create a campaign</source>
            <translation>برگزارکننده هستم: ساختن کارزار</translation>
        </message>
    </context>
    <context>
        <name>CreateCampaignScreen</name>
        <message>
            <source>Strongest protection (recommended)</source>
            <translation>قوی‌ترین محافظت (پیشنهادی)</translation>
        </message>
        <message>
            <source>Classic, for older versions of the age tool</source>
            <translation>کلاسیک، برای نسخه‌های قدیمی‌تر ابزار age</translation>
        </message>
        <message>
            <source>Making the keys…</source>
            <translation>در حال ساختن کلیدها…</translation>
        </message>
        <message>
            <source>Where to save the key backup</source>
            <translation>پشتیبان کلید کجا ذخیره شود؟</translation>
        </message>
        <message>
            <source>Where to save the recovery shares</source>
            <translation>سهم‌های بازیابی کجا ذخیره شوند؟</translation>
        </message>
        <message>
            <source>Where to save the campaign package</source>
            <translation>فایل کارزار کجا ذخیره شود؟</translation>
        </message>
        <message>
            <source>Please give the organizer a name.</source>
            <translation>لطفاً نام برگزارکننده را بنویسید.</translation>
        </message>
        <message>
            <source>The two passphrases are not the same.</source>
            <translation>دو رمز عبور یکسان نیستند.</translation>
        </message>
        <message>
            <source>The backup passphrase must have at least 8 characters.</source>
            <translation>رمز عبور پشتیبان باید دست‌کم ۸ نویسه داشته باشد.</translation>
        </message>
        <message>
            <source>K cannot be larger than N.</source>
            <translation>K نمی‌تواند از N بیشتر باشد.</translation>
        </message>
        <message>
            <source>✓ Saved.</source>
            <translation>✓ ذخیره شد.</translation>
        </message>
        <message>
            <source>Step %1 of 3</source>
            <translation>گام %1 از ۳</translation>
        </message>
        <message>
            <source>Saved: %1</source>
            <translation>ذخیره شد: %1</translation>
        </message>
        <message>
            <source>How the signatures are locked so that only your key opens them. The recommended choice stays safe even against the quantum computers of the future; choose the classic one only if your campaign must be opened with an old version of the age tool.</source>
            <translation>شیوهٔ رمزگذاری امضاها، تا تنها کلید شما آن‌ها را باز کند. گزینهٔ پیشنهادی حتی در برابر رایانه‌های کوانتومی آینده هم ایمن می‌ماند؛ گزینهٔ کلاسیک را تنها وقتی برگزینید که کارزارتان باید با نسخه‌ای قدیمی از ابزار age باز شود.</translation>
        </message>
        <message numerus="yes">
            <source>✓ Saved for printing: %Ln sheets, any %1 of them restore the key.</source>
            <translation>
                <numerusform>✓ برای چاپ ذخیره شد: %Ln برگه، که هر %1 برگه از آن‌ها کلید را بازمی‌گرداند.</numerusform>
            </translation>
        </message>
        <message>
            <source>Also in %1</source>
            <translation>همچنین به %1</translation>
        </message>
    </context>
    <context>
        <name>DevicesTab</name>
        <message>
            <source>Enrolled</source>
            <translation>ثبت‌شده</translation>
        </message>
        <message>
            <source>Approved</source>
            <translation>تأییدشده</translation>
        </message>
        <message>
            <source>Revoked</source>
            <translation>لغوشده</translation>
        </message>
        <message>
            <source>Held</source>
            <translation>در انتظار تأیید</translation>
        </message>
        <message>
            <source>Unknown</source>
            <translation>ناشناخته</translation>
        </message>
        <message>
            <source>Enrollment request</source>
            <translation>درخواست ثبت</translation>
        </message>
        <message>
            <source>Enrollment requests (*.tomar-request *.json);;All files (*)</source>
            <translation>درخواست‌های ثبت (*.tomar-request *.json);;همهٔ فایل‌ها (*)</translation>
        </message>
        <message>
            <source>Revoke this device?</source>
            <translation>اعتبار این دستگاه لغو شود؟</translation>
        </message>
        <message>
            <source>Its next batches will be rejected. What was imported stays.</source>
            <translation>بسته‌های بعدی آن رد می‌شوند. آنچه تاکنون وارد شده است، باقی می‌ماند.</translation>
        </message>
        <message>
            <source>Revoke</source>
            <translation>لغو اعتبار</translation>
        </message>
        <message>
            <source>Choose a device first.</source>
            <translation>اول یک دستگاه را انتخاب کنید.</translation>
        </message>
        <message>
            <source>That file cannot be read.</source>
            <translation>این فایل خوانده نمی‌شود.</translation>
        </message>
        <message>
            <source>Device %1 revoked.</source>
            <translation>اعتبار دستگاه %1 لغو شد.</translation>
        </message>
        <message>
            <source>Device %1 enrolled. Give it the certificate %2.</source>
            <translation>دستگاه %1 ثبت شد. گواهی %2 را به آن بدهید.</translation>
        </message>
    </context>
    <context>
        <name>IntakeTab</name>
        <message>
            <source>Batch file</source>
            <translation>فایل بسته</translation>
        </message>
        <message>
            <source>Batches (*.tomar-batch);;All files (*)</source>
            <translation>بسته‌ها (*.tomar-batch);;همهٔ فایل‌ها (*)</translation>
        </message>
        <message>
            <source>Importing…</source>
            <translation>در حال وارد کردن…</translation>
        </message>
        <message>
            <source>Folder to watch</source>
            <translation>پوشه‌ای که زیر نظر گرفته شود</translation>
        </message>
        <message>
            <source>Pulling…</source>
            <translation>در حال دریافت…</translation>
        </message>
        <message>
            <source>Please wait for the current work to finish.</source>
            <translation>لطفاً صبر کنید تا کار فعلی تمام شود.</translation>
        </message>
        <message>
            <source>Give a server address or a folder.</source>
            <translation>نشانی یک سرور یا یک پوشه را بدهید.</translation>
        </message>
        <message>
            <source>Choose a device first.</source>
            <translation>اول یک دستگاه را انتخاب کنید.</translation>
        </message>
        <message>
            <source>Imported</source>
            <translation>وارد شد</translation>
        </message>
        <message>
            <source>Already imported</source>
            <translation>قبلاً وارد شده بود</translation>
        </message>
        <message>
            <source>Held: device not enrolled</source>
            <translation>در انتظار تأیید: دستگاه ثبت نشده است</translation>
        </message>
        <message>
            <source>Rejected</source>
            <translation>رد شد</translation>
        </message>
        <message>
            <source>Watching %1 for new batches.</source>
            <translation>پوشهٔ %1 برای بسته‌های تازه زیر نظر است.</translation>
        </message>
        <message>
            <source>Cancelled.</source>
            <translation>لغو شد.</translation>
        </message>
        <message>
            <source>Held batch %1 of the approved device</source>
            <translation>بستهٔ %1 از دستگاه تأییدشده که در انتظار تأیید بود</translation>
        </message>
        <message>
            <source>Held batch of the approved device</source>
            <translation>بستهٔ در انتظار تأیید از دستگاه تأییدشده</translation>
        </message>
        <message>
            <source>%1.</source>
            <translation>%1.</translation>
        </message>
        <message>
            <source>, </source>
            <translation>، </translation>
        </message>
        <message numerus="yes">
            <source>%Ln new batches</source>
            <translation>
                <numerusform>%Ln بستهٔ تازه دریافت شد</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln imported</source>
            <translation>
                <numerusform>%Ln بسته وارد شد</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln already imported</source>
            <translation>
                <numerusform>%Ln بسته پیش‌تر وارد شده بود</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln held until you approve their device</source>
            <translation>
                <numerusform>%Ln بسته در انتظار تأیید دستگاهشان است</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln rejected</source>
            <translation>
                <numerusform>%Ln بسته رد شد</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln receipts sent</source>
            <translation>
                <numerusform>%Ln رسید فرستاده شد</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>OrgCreateForm</name>
        <message>
            <source>Create a campaign</source>
            <translation>ساختن کارزار</translation>
        </message>
        <message>
            <source>Lock</source>
            <translation>قفل</translation>
        </message>
        <message>
            <source>Organizer (shown to volunteers)</source>
            <translation>برگزارکننده (به داوطلبان نشان داده می‌شود)</translation>
        </message>
        <message>
            <source>Encryption</source>
            <translation>رمزگذاری</translation>
        </message>
        <message>
            <source>Languages</source>
            <translation>زبان‌ها</translation>
        </message>
        <message>
            <source>End date</source>
            <translation>تاریخ پایان</translation>
        </message>
        <message>
            <source>A drawn signature is required</source>
            <translation>کشیدن امضا الزامی است</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>عنوان</translation>
        </message>
        <message>
            <source>Addressed to</source>
            <translation>خطاب به</translation>
        </message>
        <message>
            <source>Petition text</source>
            <translation>متن طومار</translation>
        </message>
        <message>
            <source>Consent text</source>
            <translation>متن رضایت</translation>
        </message>
        <message>
            <source>Form fields</source>
            <translation>خانه‌های فرم</translation>
        </message>
        <message>
            <source>Field</source>
            <translation>خانه</translation>
        </message>
        <message>
            <source>Ask</source>
            <translation>پرسیده شود</translation>
        </message>
        <message>
            <source>Required</source>
            <translation>الزامی</translation>
        </message>
        <message>
            <source>Check and create the organizer keys</source>
            <translation>بررسی و ساختن کلیدهای برگزارکننده</translation>
        </message>
        <message>
            <source>Kiosk preview</source>
            <translation>پیش‌نمایش صفحهٔ امضا</translation>
        </message>
        <message>
            <source>Back up the organizer key now. If it is lost, every signature of the campaign is lost with it. Both backups are needed before the campaign can be exported.</source>
            <translation>همین حالا از کلید برگزارکننده نسخهٔ پشتیبان بگیرید. اگر این کلید گم شود، همهٔ امضاهای کارزار هم با آن از دست می‌روند. پیش از خروجی گرفتن از کارزار، هر دو پشتیبان لازم است.</translation>
        </message>
        <message>
            <source>Organizer key fingerprint (its identity code)</source>
            <translation>اثر انگشت کلید برگزارکننده (کد شناسایی آن)</translation>
        </message>
        <message>
            <source>1. Key file protected by a passphrase</source>
            <translation>۱. فایل کلید، محافظت‌شده با رمز عبور</translation>
        </message>
        <message>
            <source>Backup passphrase</source>
            <translation>رمز عبور پشتیبان</translation>
        </message>
        <message>
            <source>Repeat it</source>
            <translation>تکرار رمز</translation>
        </message>
        <message>
            <source>Save the key backup…</source>
            <translation>ذخیرهٔ پشتیبان کلید…</translation>
        </message>
        <message>
            <source>2. Recovery sheets on paper: give them to people you trust; a few of them together restore the key</source>
            <translation>۲. برگه‌های بازیابی روی کاغذ: آن‌ها را به افرادی که به آنان اعتماد دارید بدهید؛ چند برگه از آن‌ها با هم کلید را بازمی‌گردانند</translation>
        </message>
        <message>
            <source>Sheets needed to restore</source>
            <translation>برگه‌های لازم برای بازیابی</translation>
        </message>
        <message>
            <source>out of sheets printed</source>
            <translation>از میان برگه‌های چاپی</translation>
        </message>
        <message>
            <source>Save the recovery sheets for printing…</source>
            <translation>ذخیرهٔ برگه‌های بازیابی برای چاپ…</translation>
        </message>
        <message>
            <source>Continue</source>
            <translation>ادامه</translation>
        </message>
        <message>
            <source>Export the campaign file and give it to the volunteers. Then read them the fingerprint below (an identity code of your key) in person or by phone: their app asks them to compare it, so that nobody can pass them a forged campaign.</source>
            <translation>از فایل کارزار خروجی بگیرید و آن را به داوطلبان بدهید. سپس اثر انگشت زیر (کد شناسایی کلید شما) را حضوری یا تلفنی برایشان بخوانید: برنامه از آنان می‌خواهد آن را مقایسه کنند تا کسی نتواند کارزاری جعلی به دستشان بدهد.</translation>
        </message>
        <message>
            <source>Export the campaign file…</source>
            <translation>خروجی گرفتن از فایل کارزار…</translation>
        </message>
        <message>
            <source>Open the organizer workspace</source>
            <translation>باز کردن میز کار برگزارکننده</translation>
        </message>
    </context>
    <context>
        <name>OrgDashboardForm</name>
        <message>
            <source>Received</source>
            <translation>دریافت‌شده</translation>
        </message>
        <message>
            <source>Unique signers</source>
            <translation>امضاکنندگان بی‌تکرار</translation>
        </message>
        <message>
            <source>Duplicates</source>
            <translation>تکراری‌ها</translation>
        </message>
        <message>
            <source>To review</source>
            <translation>نیازمند بررسی</translation>
        </message>
        <message>
            <source>Voided</source>
            <translation>باطل‌شده</translation>
        </message>
        <message>
            <source>Held</source>
            <translation>در انتظار تأیید</translation>
        </message>
        <message>
            <source>By day</source>
            <translation>به تفکیک روز</translation>
        </message>
        <message>
            <source>By event</source>
            <translation>به تفکیک رویداد</translation>
        </message>
        <message>
            <source>By device</source>
            <translation>به تفکیک دستگاه</translation>
        </message>
        <message>
            <source>By country</source>
            <translation>به تفکیک کشور</translation>
        </message>
        <message>
            <source>Dark bars: received. Light bars: unique signers.</source>
            <translation>میله‌های تیره: دریافت‌شده. میله‌های روشن: امضاکنندگان بی‌تکرار.</translation>
        </message>
        <message>
            <source>By state</source>
            <translation>به تفکیک ایالت</translation>
        </message>
        <message>
            <source>By congressional district</source>
            <translation>به تفکیک حوزهٔ انتخابیهٔ کنگره</translation>
        </message>
    </context>
    <context>
        <name>OrgDevicesForm</name>
        <message>
            <source>Enroll a device from its request file…</source>
            <translation>ثبت دستگاه از روی فایل درخواستش…</translation>
        </message>
        <message>
            <source>Revoke the selected device</source>
            <translation>لغو اعتبار دستگاه انتخاب‌شده</translation>
        </message>
        <message>
            <source>Device</source>
            <translation>دستگاه</translation>
        </message>
        <message>
            <source>Label</source>
            <translation>نام</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>وضعیت</translation>
        </message>
        <message>
            <source>Last batch</source>
            <translation>آخرین بسته</translation>
        </message>
        <message>
            <source>Last received</source>
            <translation>آخرین دریافت</translation>
        </message>
        <message>
            <source>Records</source>
            <translation>امضاها</translation>
        </message>
    </context>
    <context>
        <name>OrgIntakeForm</name>
        <message>
            <source>Import batch files…</source>
            <translation>وارد کردن فایل‌های بسته…</translation>
        </message>
        <message>
            <source>Watch a folder…</source>
            <translation>زیر نظر گرفتن یک پوشه…</translation>
        </message>
        <message>
            <source>Or drop batch files (.tomar-batch) on this window.</source>
            <translation>یا فایل‌های بسته (‎.tomar-batch‏) را روی این پنجره رها کنید.</translation>
        </message>
        <message>
            <source>Collection server address or shared folder</source>
            <translation>نشانی سرور جمع‌آوری یا پوشهٔ مشترک</translation>
        </message>
        <message>
            <source>Pull</source>
            <translation>دریافت</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>انصراف</translation>
        </message>
        <message>
            <source>File</source>
            <translation>فایل</translation>
        </message>
        <message>
            <source>Result</source>
            <translation>نتیجه</translation>
        </message>
        <message>
            <source>Device</source>
            <translation>دستگاه</translation>
        </message>
        <message>
            <source>Batch</source>
            <translation>بسته</translation>
        </message>
        <message>
            <source>Records</source>
            <translation>امضاها</translation>
        </message>
        <message>
            <source>Details</source>
            <translation>جزئیات</translation>
        </message>
        <message>
            <source>Held: devices that were not enrolled</source>
            <translation>در انتظار تأیید: دستگاه‌هایی که ثبت نشده‌اند</translation>
        </message>
        <message>
            <source>Batches</source>
            <translation>بسته‌ها</translation>
        </message>
        <message>
            <source>Approve the selected device and import its batches</source>
            <translation>تأیید دستگاه انتخاب‌شده و وارد کردن بسته‌هایش</translation>
        </message>
    </context>
    <context>
        <name>OrgOutputsForm</name>
        <message>
            <source>Language of the sheets</source>
            <translation>زبان برگه‌ها</translation>
        </message>
        <message>
            <source>Export CSV…</source>
            <translation>خروجی CSV…</translation>
        </message>
        <message>
            <source>Delivery sheets (PDF)…</source>
            <translation>برگه‌های تحویل (PDF)…</translation>
        </message>
        <message>
            <source>Campaign report (PDF)…</source>
            <translation>گزارش کارزار (PDF)…</translation>
        </message>
        <message>
            <source>Receipts for devices…</source>
            <translation>رسید برای دستگاه‌ها…</translation>
        </message>
        <message>
            <source>Delivery sheets and the CSV hold names: print, then delete the file. Nothing is kept anywhere else.</source>
            <translation>برگه‌های تحویل و فایل CSV نام‌ها را در خود دارند: چاپ کنید و بعد فایل را پاک کنید. چیزی جای دیگری نگه داشته نمی‌شود.</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>انصراف</translation>
        </message>
        <message>
            <source>Public CSV (as each signer chose)…</source>
            <translation>CSV عمومی (همان‌طور که هر امضاکننده خواسته)…</translation>
        </message>
        <message>
            <source>Packets per state, for senators (PDF)…</source>
            <translation>یک بسته برای هر ایالت، برای سناتورها (PDF)…</translation>
        </message>
        <message>
            <source>Packets per district, for representatives (PDF)…</source>
            <translation>یک بسته برای هر حوزه، برای نمایندگان (PDF)…</translation>
        </message>
        <message>
            <source>Counts only, no names (PDF)…</source>
            <translation>فقط شمارها، بدون نام (PDF)…</translation>
        </message>
        <message>
            <source>Campaign</source>
            <translation>کارزار</translation>
        </message>
        <message>
            <source>Remove a signer…</source>
            <translation>حذف یک امضاکننده…</translation>
        </message>
        <message>
            <source>Close the campaign…</source>
            <translation>بستن کارزار…</translation>
        </message>
        <message>
            <source>Save the closing record…</source>
            <translation>ذخیرهٔ سند بستن کارزار…</translation>
        </message>
    </context>
    <context>
        <name>OrgSignersForm</name>
        <message>
            <source>Search name, email, phone, city, event</source>
            <translation>جستجوی نام، ایمیل، تلفن، شهر، رویداد</translation>
        </message>
        <message>
            <source>Possible duplicate of:</source>
            <translation>شاید تکراریِ این مورد باشد:</translation>
        </message>
        <message>
            <source>Keep</source>
            <translation>نگه داشتن</translation>
        </message>
        <message>
            <source>Merge</source>
            <translation>یکی کردن</translation>
        </message>
        <message>
            <source>Not a duplicate</source>
            <translation>تکراری نیست</translation>
        </message>
        <message>
            <source>Undo the decision</source>
            <translation>لغو تصمیم</translation>
        </message>
    </context>
    <context>
        <name>OrgWorkspaceForm</name>
        <message>
            <source>Lock</source>
            <translation>قفل</translation>
        </message>
    </context>
    <context>
        <name>OrganizerScreen</name>
        <message>
            <source>Dashboard</source>
            <translation>داشبورد</translation>
        </message>
        <message>
            <source>Intake</source>
            <translation>دریافت بسته‌ها</translation>
        </message>
        <message>
            <source>Devices</source>
            <translation>دستگاه‌ها</translation>
        </message>
        <message>
            <source>Signers</source>
            <translation>امضاکنندگان</translation>
        </message>
        <message>
            <source>Outputs</source>
            <translation>خروجی‌ها</translation>
        </message>
    </context>
    <context>
        <name>OutputsTab</name>
        <message>
            <source>Where to save</source>
            <translation>کجا ذخیره شود؟</translation>
        </message>
        <message>
            <source>Working…</source>
            <translation>در حال انجام…</translation>
        </message>
        <message>
            <source>Saved: %1</source>
            <translation>ذخیره شد: %1</translation>
        </message>
        <message numerus="yes">
            <source>%Ln receipts written.</source>
            <translation>
                <numerusform>%Ln رسید نوشته شد.</numerusform>
            </translation>
        </message>
        <message>
            <source>This campaign was closed on %1: names and signatures were destroyed; the counts and the signed closing record remain.</source>
            <translation>این کارزار در ‎%1‎ بسته شد: نام‌ها و امضاها از بین رفته‌اند؛ شمارش‌ها و سند امضاشدهٔ بستن کارزار باقی مانده‌اند.</translation>
        </message>
        <message>
            <source>Closing destroys every signer's personal data and keeps the counts and proofs. A signer who asks to be removed can be removed before that.</source>
            <translation>بستن کارزار اطلاعات شخصی همهٔ امضاکنندگان را از بین می‌برد و شمارش‌ها و گواه‌ها را نگه می‌دارد. پیش از آن، هر امضاکننده‌ای که بخواهد می‌تواند حذف شود.</translation>
        </message>
        <message numerus="yes">
            <source>Before printing: %Ln rows have letters that no font on this computer can draw, and would print as empty boxes. Rows: %1. Install a font for that script (for example Noto Sans CJK) and save the sheets again.</source>
            <translation>
                <numerusform>پیش از چاپ: در %Ln ردیف حرف‌هایی هست که هیچ قلمی در این رایانه نمی‌تواند آن‌ها را بکشد و به شکل مربع خالی چاپ می‌شوند. ردیف‌ها: %1. قلمی برای آن خط نصب کنید (مثلاً Noto Sans CJK) و برگه‌ها را دوباره ذخیره کنید.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Before printing: in %1, %Ln rows have letters that no font on this computer can draw, and would print as empty boxes. Rows: %2. Install a font for that script (for example Noto Sans CJK) and save the packets again.</source>
            <translation>
                <numerusform>پیش از چاپ: در %1، در %Ln ردیف حرف‌هایی هست که هیچ قلمی در این رایانه نمی‌تواند آن‌ها را بکشد و به شکل مربع خالی چاپ می‌شوند. ردیف‌ها: %2. قلمی برای آن خط نصب کنید (مثلاً Noto Sans CJK) و بسته‌ها را دوباره ذخیره کنید.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>The campaign is closed with %Ln unique signers. Names and signatures were destroyed; the vault has a new key. Save the closing record and keep it.</source>
            <translation>
                <numerusform>کارزار با %Ln امضاکنندهٔ بی‌تکرار بسته شد. نام‌ها و امضاها از بین رفتند و گاوصندوق کلید تازه‌ای دارد. سند بستن کارزار را ذخیره کنید و نگه دارید.</numerusform>
            </translation>
        </message>
        <message>
            <source>Closing the campaign: the vault is being copied…</source>
            <translation>در حال بستن کارزار: گاوصندوق در حال رونویسی است…</translation>
        </message>
        <message>
            <source>The signer was removed on request; the vault has a new key. Sheets printed before still hold them.</source>
            <translation>امضاکننده به درخواست خودش حذف شد و گاوصندوق کلید تازه‌ای دارد. برگه‌هایی که پیش‌تر چاپ شده‌اند هنوز او را دارند.</translation>
        </message>
        <message>
            <source>Removing the signer: the vault is being copied…</source>
            <translation>در حال حذف امضاکننده: گاوصندوق در حال رونویسی است…</translation>
        </message>
    </context>
    <context>
        <name>SignersTab</name>
        <message>
            <source>All</source>
            <translation>همه</translation>
        </message>
        <message>
            <source>Unique</source>
            <translation>بی‌تکرار</translation>
        </message>
        <message>
            <source>Duplicates</source>
            <translation>تکراری‌ها</translation>
        </message>
        <message>
            <source>To review</source>
            <translation>نیازمند بررسی</translation>
        </message>
        <message>
            <source>Voided</source>
            <translation>باطل‌شده</translation>
        </message>
        <message>
            <source>Time</source>
            <translation>زمان</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>نام</translation>
        </message>
        <message>
            <source>City</source>
            <translation>شهر</translation>
        </message>
        <message>
            <source>Country</source>
            <translation>کشور</translation>
        </message>
        <message>
            <source>Event</source>
            <translation>رویداد</translation>
        </message>
        <message>
            <source>Source</source>
            <translation>منبع</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>وضعیت</translation>
        </message>
        <message>
            <source>Kiosk</source>
            <translation>صفحهٔ امضا</translation>
        </message>
        <message>
            <source>Paper sheet</source>
            <translation>برگهٔ کاغذی</translation>
        </message>
        <message>
            <source>Command line</source>
            <translation>خط فرمان</translation>
        </message>
        <message>
            <source>Counted</source>
            <translation>شمرده‌شده</translation>
        </message>
        <message>
            <source>Duplicate</source>
            <translation>تکراری</translation>
        </message>
        <message>
            <source>voided</source>
            <translation>باطل</translation>
        </message>
        <message>
            <source>full name</source>
            <translation>نام کامل</translation>
        </message>
        <message>
            <source>initials</source>
            <translation>حرف اول نام و نام خانوادگی</translation>
        </message>
        <message>
            <source>withheld</source>
            <translation>پنهان به درخواست امضاکننده</translation>
        </message>
        <message>
            <source>Kept.</source>
            <translation>نگه داشته شد.</translation>
        </message>
        <message>
            <source>Merged: counted once.</source>
            <translation>یکی شد: یک بار شمرده می‌شود.</translation>
        </message>
        <message>
            <source>Marked as not a duplicate.</source>
            <translation>به‌عنوان «تکراری نیست» ثبت شد.</translation>
        </message>
        <message>
            <source>Time: %1</source>
            <translation>زمان: %1</translation>
        </message>
        <message>
            <source>Event: %1</source>
            <translation>رویداد: %1</translation>
        </message>
        <message>
            <source>Source: %1</source>
            <translation>منبع: %1</translation>
        </message>
        <message>
            <source>Name on sheets: %1</source>
            <translation>نام در برگه‌ها: %1</translation>
        </message>
        <message>
            <source>Device: %1</source>
            <translation>دستگاه: %1</translation>
        </message>
        <message>
            <source>Reviewed: %1</source>
            <translation>بررسی‌شده: %1</translation>
        </message>
        <message>
            <source>Unknown</source>
            <translation>ناشناخته</translation>
        </message>
        <message>
            <source>This signer is the one to count. Its look-alikes stay on the review list, to be merged into it or marked as not a duplicate.</source>
            <translation>این امضاکننده همانی است که شمرده می‌شود. امضاکنندگان مشابه او در فهرست بررسی می‌مانند تا با او یکی شوند یا «تکراری نیست» برایشان ثبت شود.</translation>
        </message>
        <message>
            <source>The same person signed twice: count this signature once, as a duplicate of the signer chosen above.</source>
            <translation>یک نفر دو بار امضا کرده است: این امضا یک بار شمرده می‌شود، به‌عنوان تکرارِ امضاکننده‌ای که در بالا انتخاب شده است.</translation>
        </message>
        <message>
            <source>A different person who only looks alike: both are counted and neither is asked about again.</source>
            <translation>شخص دیگری است که فقط شبیه به نظر می‌رسد: هر دو شمرده می‌شوند و دیگر دربارهٔ هیچ‌کدام پرسیده نمی‌شود.</translation>
        </message>
        <message>
            <source>Keep: this is the one to count. Merge: the same person, counted once. Not a duplicate: a different person.</source>
            <translation>نگه داشتن: همین یکی شمرده می‌شود. یکی کردن: همان شخص است و یک بار شمرده می‌شود. تکراری نیست: شخص دیگری است.</translation>
        </message>
        <message>
            <source>Status: %1</source>
            <translation>وضعیت: %1</translation>
        </message>
        <message>
            <source>kept as the one to count</source>
            <translation>به‌عنوان امضای شمرده‌شده نگه داشته شد</translation>
        </message>
        <message>
            <source>merged as a duplicate</source>
            <translation>به‌عنوان تکراری یکی شد</translation>
        </message>
        <message>
            <source>not a duplicate</source>
            <translation>تکراری نیست</translation>
        </message>
        <message numerus="yes">
            <source>%Ln shown</source>
            <translation>
                <numerusform>%Ln امضاکننده در فهرست</numerusform>
            </translation>
        </message>
        <message>
            <source>Reviewed</source>
            <translation>بررسی‌شده</translation>
        </message>
        <message>
            <source>Takes back the decision on this signer (or the last one made): a merge is undone and the signer is asked about again.</source>
            <translation>تصمیمی را که دربارهٔ این امضاکننده (یا آخرین تصمیم) گرفته شده لغو می‌کند: یکی کردن برمی‌گردد و این امضاکننده دوباره برای بررسی می‌آید.</translation>
        </message>
        <message>
            <source>Decision undone: this signer is to review again.</source>
            <translation>تصمیم لغو شد: این امضاکننده دوباره نیازمند بررسی است.</translation>
        </message>
    </context>
    <context>
        <name>ApproveDialog</name>
        <message>
            <source>Approve this device?</source>
            <translation>این دستگاه را تأیید می‌کنید؟</translation>
        </message>
        <message>
            <source>Ask the volunteer to open Settings on their device and read you its device fingerprint. Approve only if every group below is the same. Once approved, every batch this device sends is imported.</source>
            <translation>از داوطلب بخواهید «تنظیمات» را در دستگاهش باز کند و اثر انگشت (کد شناسایی) دستگاه را برایتان بخواند. تنها اگر همهٔ گروه‌های زیر یکسان بود، تأیید کنید. پس از تأیید، هر بسته‌ای که این دستگاه بفرستد وارد می‌شود.</translation>
        </message>
        <message>
            <source>Device fingerprint</source>
            <translation>اثر انگشت دستگاه</translation>
        </message>
        <message>
            <source>They are the same: approve</source>
            <translation>یکسان است: تأیید</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>انصراف</translation>
        </message>
    </context>
    <context>
        <name>DashboardTab</name>
        <message>
            <source>ZIP in several districts</source>
            <translation>کد پستیِ چندحوزه‌ای</translation>
        </message>
        <message>
            <source>Signers were promised that their personal data is destroyed by %1, which has passed. Close the campaign now (tomar campaign close).</source>
            <translation>به امضاکنندگان قول داده شده که اطلاعات شخصی‌شان تا ‎%1‎ از بین برود و این تاریخ گذشته است. همین حالا کارزار را ببندید (‎tomar campaign close‎).</translation>
        </message>
        <message>
            <source>Signers were promised that their personal data is destroyed by %1. Deliver, then close the campaign (tomar campaign close).</source>
            <translation>به امضاکنندگان قول داده شده که اطلاعات شخصی‌شان تا ‎%1‎ از بین برود. طومار را تحویل دهید، سپس کارزار را ببندید (‎tomar campaign close‎).</translation>
        </message>
    </context>
    <context>
        <name>OrgCloseForm</name>
        <message>
            <source>Close the campaign</source>
            <translation>بستن کارزار</translation>
        </message>
        <message>
            <source>Destroyed for good: every signer's name, contact details, address, signature and extra consents, and the batches still waiting for approval. The vault is copied under a new key, so an old copy of it opens nothing.</source>
            <translation>برای همیشه از بین می‌رود: نام، اطلاعات تماس، نشانی، امضا و موافقت‌های دیگرِ همهٔ امضاکنندگان، و بسته‌هایی که هنوز در انتظار تأییدند. گاوصندوق با کلیدی تازه رونویسی می‌شود، پس هیچ نسخهٔ قدیمی‌ای از آن دیگر چیزی را باز نمی‌کند.</translation>
        </message>
        <message>
            <source>Kept: a signed closing record with the counts (by event, day, state, district and purpose), the proofs of every batch received and the digests of the delivery packets. Nothing more can be imported afterwards. Sheets and CSV files saved elsewhere are not touched: delete them yourself.</source>
            <translation>باقی می‌ماند: سند امضاشدهٔ بستن کارزار با شمارش‌ها (به تفکیک رویداد، روز، ایالت، حوزه و منظور)، گواه همهٔ بسته‌های دریافت‌شده و چکیدهٔ فایل‌های تحویل به دفترها. پس از آن دیگر چیزی وارد نمی‌شود. برگه‌ها و فایل‌های CSV که جای دیگری ذخیره شده‌اند دست نمی‌خورند: خودتان آن‌ها را پاک کنید.</translation>
        </message>
        <message>
            <source>To confirm, type the campaign's title:</source>
            <translation>برای تأیید، عنوان کارزار را تایپ کنید:</translation>
        </message>
        <message>
            <source>The campaign's title</source>
            <translation>عنوان کارزار</translation>
        </message>
        <message>
            <source>Vault passphrase</source>
            <translation>رمز عبور گاوصندوق</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>انصراف</translation>
        </message>
        <message>
            <source>Close the campaign for good</source>
            <translation>بستن همیشگی کارزار</translation>
        </message>
    </context>
    <context>
        <name>OrgRemoveForm</name>
        <message>
            <source>Remove a signer at their request</source>
            <translation>حذف یک امضاکننده به درخواست خودش</translation>
        </message>
        <message>
            <source>Find the signer by name, email or phone. Removal takes them out of the vault and out of every output made from now on, and counts them as removed on request. Sheets printed before keep them.</source>
            <translation>امضاکننده را با نام، ایمیل یا تلفن پیدا کنید. حذف، او را از گاوصندوق و از هر خروجی‌ای که از این پس گرفته شود بیرون می‌برد و او را «حذف‌شده به درخواست خودش» می‌شمارد. برگه‌هایی که پیش‌تر چاپ شده‌اند همچنان او را دارند.</translation>
        </message>
        <message>
            <source>Name, email or phone</source>
            <translation>نام، ایمیل یا تلفن</translation>
        </message>
        <message>
            <source>Find</source>
            <translation>جست‌وجو</translation>
        </message>
        <message>
            <source>Signers found</source>
            <translation>امضاکنندگانِ پیداشده</translation>
        </message>
        <message>
            <source>Vault passphrase</source>
            <translation>رمز عبور گاوصندوق</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>انصراف</translation>
        </message>
        <message>
            <source>Remove this signer…</source>
            <translation>حذف این امضاکننده…</translation>
        </message>
    </context>
    <context>
        <name>CloseDialog</name>
        <message>
            <source>The title typed is not the campaign's title.</source>
            <translation>عنوانی که تایپ کرده‌اید با عنوان کارزار یکی نیست.</translation>
        </message>
    </context>
    <context>
        <name>RemoveDialog</name>
        <message>
            <source>Time</source>
            <translation>زمان</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>نام</translation>
        </message>
        <message>
            <source>City</source>
            <translation>شهر</translation>
        </message>
        <message>
            <source>Event</source>
            <translation>رویداد</translation>
        </message>
        <message>
            <source>Type a name, an email or a phone number.</source>
            <translation>یک نام، ایمیل یا شمارهٔ تلفن تایپ کنید.</translation>
        </message>
        <message>
            <source>No signer found.</source>
            <translation>هیچ امضاکننده‌ای پیدا نشد.</translation>
        </message>
        <message>
            <source>%1 signers found; the first %2 are shown. Type more to narrow it.</source>
            <translation>%1 امضاکننده پیدا شد؛ %2 مورد اول نشان داده شده است. برای محدودتر کردن جست‌وجو بیشتر تایپ کنید.</translation>
        </message>
        <message>
            <source>Signers found: %1. Choose the one to remove.</source>
            <translation>امضاکنندگانِ پیداشده: %1. کسی را که باید حذف شود انتخاب کنید.</translation>
        </message>
        <message>
            <source>Remove the chosen signer for good? Their name, contact details and signature leave the vault and every output made from now on. This cannot be undone.</source>
            <translation>امضاکنندهٔ انتخاب‌شده برای همیشه حذف شود؟ نام، اطلاعات تماس و امضای او از گاوصندوق و از هر خروجی‌ای که از این پس گرفته شود بیرون می‌رود. این کار برگشت‌پذیر نیست.</translation>
        </message>
        <message>
            <source>Remove</source>
            <translation>حذف</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>انصراف</translation>
        </message>
    </context>
</TS>
