<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
    <context>
        <name>CoreErrors</name>
        <message>
            <source>This device does not have enough memory for this passphrase setting.</source>
            <translation>ليس في هذا الجهاز ذاكرة كافية لإعداد عبارة المرور هذا.</translation>
        </message>
        <message>
            <source>This file is damaged or was changed after it was sealed.</source>
            <translation>هذا الملف تالف أو عُدِّل بعد تشفيره.</translation>
        </message>
        <message>
            <source>This file is damaged: it ends with an empty block.</source>
            <translation>هذا الملف تالف: ينتهي بكتلة فارغة.</translation>
        </message>
        <message>
            <source>This file is damaged: the key it was sealed for is not stored correctly.</source>
            <translation>هذا الملف تالف: المفتاح الذي شُفِّر له غير محفوظ على نحو صحيح.</translation>
        </message>
        <message>
            <source>This file is damaged: the part that holds its keys is not readable.</source>
            <translation>هذا الملف تالف: الجزء الذي يحمل مفاتيحه غير مقروء.</translation>
        </message>
        <message>
            <source>This file is damaged: a passphrase-sealed file cannot have other keys.</source>
            <translation>هذا الملف تالف: الملف المشفّر بعبارة مرور لا يمكن أن يحمل مفاتيح أخرى.</translation>
        </message>
        <message>
            <source>This file has extra data after its end; it was changed after it was sealed.</source>
            <translation>في هذا الملف بيانات زائدة بعد نهايته، فقد عُدِّل بعد تشفيره.</translation>
        </message>
        <message>
            <source>This file is incomplete: it was cut off before the end.</source>
            <translation>هذا الملف ناقص: انقطع قبل نهايته.</translation>
        </message>
        <message>
            <source>This file is larger than Tomar accepts here.</source>
            <translation>هذا الملف أكبر مما يقبله طومار هنا.</translation>
        </message>
        <message>
            <source>This file was sealed with a newer format version that Tomar cannot open yet.</source>
            <translation>شُفِّر هذا الملف بإصدار أحدث من الصيغة لا يستطيع طومار فتحه بعد.</translation>
        </message>
        <message>
            <source>This file was sealed with a passphrase setting that would take too long to open on this device.</source>
            <translation>شُفِّر هذا الملف بإعداد لعبارة المرور يستغرق فتحه وقتًا طويلًا جدًا على هذا الجهاز.</translation>
        </message>
        <message>
            <source>The key file contains no secret keys.</source>
            <translation>ملف المفتاح لا يحوي أي مفتاح سري.</translation>
        </message>
        <message>
            <source>No key was given to open this file.</source>
            <translation>لم يُعطَ أي مفتاح لفتح هذا الملف.</translation>
        </message>
        <message>
            <source>Line {number} of the key file is not a valid secret key.</source>
            <translation>السطر {number} في ملف المفتاح ليس مفتاحًا سريًا صالحًا.</translation>
        </message>
        <message>
            <source>None of your keys can open this file. It was sealed for someone else.</source>
            <translation>لا يستطيع أي من مفاتيحك فتح هذا الملف، فقد شُفِّر لشخص آخر.</translation>
        </message>
        <message>
            <source>A passphrase cannot be combined with other keys in one file.</source>
            <translation>لا يمكن الجمع بين عبارة مرور ومفاتيح أخرى في ملف واحد.</translation>
        </message>
        <message>
            <source>The passphrase is empty.</source>
            <translation>عبارة المرور فارغة.</translation>
        </message>
        <message>
            <source>The passphrase strength limit must be between 1 and 30.</source>
            <translation>يجب أن يكون حدّ قوة عبارة المرور بين ١ و٣٠.</translation>
        </message>
        <message>
            <source>The passphrase strength setting must be between 1 and 30.</source>
            <translation>يجب أن يكون إعداد قوة عبارة المرور بين ١ و٣٠.</translation>
        </message>
        <message>
            <source>Post-quantum and classic keys cannot be mixed in one file: the file would only be as safe as the weakest key.</source>
            <translation>لا يمكن الجمع بين المفاتيح المقاومة للحوسبة الكمّية والمفاتيح التقليدية في ملف واحد، إذ لن يكون الملف آمنًا إلا بقدر أضعف مفاتيحه.</translation>
        </message>
        <message>
            <source>This post-quantum secret key has the wrong length.</source>
            <translation>طول هذا المفتاح السري المقاوم للحوسبة الكمّية غير صحيح.</translation>
        </message>
        <message>
            <source>This is not an age public key (it should start with age1).</source>
            <translation>هذا ليس مفتاحًا عامًا من نوع age (يجب أن يبدأ بـ age1).</translation>
        </message>
        <message>
            <source>This public key is not usable: it is a weak key.</source>
            <translation>هذا المفتاح العام غير صالح للاستخدام: إنه مفتاح ضعيف.</translation>
        </message>
        <message>
            <source>This is not a sealed file Tomar can open, or its beginning is damaged.</source>
            <translation>هذا ليس ملفًا مشفّرًا يستطيع طومار فتحه، أو أن بدايته تالفة.</translation>
        </message>
        <message>
            <source>This is not an age secret key (it should start with AGE-SECRET-KEY-).</source>
            <translation>هذا ليس مفتاحًا سريًا من نوع age (يجب أن يبدأ بـ AGE-SECRET-KEY-).</translation>
        </message>
        <message>
            <source>This is not a valid age public key (age1...).</source>
            <translation>هذا ليس مفتاحًا عامًا صالحًا من نوع age (age1...).</translation>
        </message>
        <message>
            <source>This is not a valid age secret key (AGE-SECRET-KEY-1...).</source>
            <translation>هذا ليس مفتاحًا سريًا صالحًا من نوع age (AGE-SECRET-KEY-1...).</translation>
        </message>
        <message>
            <source>This is not a valid post-quantum age public key (age1pq1...).</source>
            <translation>هذا ليس مفتاحًا عامًا صالحًا من نوع age مقاومًا للحوسبة الكمّية (age1pq1...).</translation>
        </message>
        <message>
            <source>This is not a valid post-quantum age secret key (AGE-SECRET-KEY-PQ-1...).</source>
            <translation>هذا ليس مفتاحًا سريًا صالحًا من نوع age مقاومًا للحوسبة الكمّية (AGE-SECRET-KEY-PQ-1...).</translation>
        </message>
        <message>
            <source>This key is not complete or has a typo.</source>
            <translation>هذا المفتاح ناقص أو فيه خطأ مطبعي.</translation>
        </message>
        <message>
            <source>This key contains a character that does not belong in it.</source>
            <translation>هذا المفتاح يحوي حرفًا لا ينتمي إليه.</translation>
        </message>
        <message>
            <source>This key mixes upper and lower case letters.</source>
            <translation>هذا المفتاح يخلط بين الأحرف الكبيرة والصغيرة.</translation>
        </message>
        <message>
            <source>This key has a typo: its checksum does not match.</source>
            <translation>في هذا المفتاح خطأ مطبعي: رمز التحقق فيه لا يطابق.</translation>
        </message>
        <message>
            <source>This is not a valid key.</source>
            <translation>هذا ليس مفتاحًا صالحًا.</translation>
        </message>
        <message>
            <source>The {what} comment cannot be used: it must be a single line of text.</source>
            <translation>لا يمكن استخدام التعليق {what}: يجب أن يكون سطرًا واحدًا من النص.</translation>
        </message>
        <message>
            <source>The {what} comment is too long (at most {max_bytes} bytes).</source>
            <translation>التعليق {what} طويل جدًا ({max_bytes} بايت على الأكثر).</translation>
        </message>
        <message>
            <source>The file does not match its signature: it was changed or damaged after it was signed. Do not use it.</source>
            <translation>الملف لا يطابق توقيعه: عُدِّل أو تلف بعد توقيعه. لا تستخدمه.</translation>
        </message>
        <message>
            <source>The file was signed by a different key than the one expected. Check that you are using the right campaign key.</source>
            <translation>وُقِّع الملف بمفتاح غير المفتاح المتوقع. تأكد من أنك تستخدم مفتاح الحملة الصحيح.</translation>
        </message>
        <message>
            <source>The file uses the old minisign signature format, which is not accepted here. Ask for it to be signed again with a current minisign.</source>
            <translation>يستخدم الملف صيغة توقيع قديمة من minisign غير مقبولة هنا. اطلب توقيعه من جديد بإصدار حديث من minisign.</translation>
        </message>
        <message>
            <source>The public key is damaged or is not a minisign public key. Ask the campaign for a fresh copy of the key.</source>
            <translation>المفتاح العام تالف أو ليس مفتاحًا عامًا من نوع minisign. اطلب من الحملة نسخة جديدة من المفتاح.</translation>
        </message>
        <message>
            <source>The secret key file is damaged or is not an unencrypted minisign secret key.</source>
            <translation>ملف المفتاح السري تالف أو ليس مفتاحًا سريًا غير مشفّر من نوع minisign.</translation>
        </message>
        <message>
            <source>This secret key file is protected by a password. Remove the password with `minisign -C -W` first, or use an unencrypted key.</source>
            <translation>ملف المفتاح السري هذا محمي بكلمة مرور. أزل كلمة المرور أولًا بالأمر `minisign -C -W`، أو استخدم مفتاحًا غير مشفّر.</translation>
        </message>
        <message>
            <source>The signature file is damaged or is not a minisign signature. Ask for a fresh copy of the file and its signature.</source>
            <translation>ملف التوقيع تالف أو ليس توقيعًا من نوع minisign. اطلب نسخة جديدة من الملف وتوقيعه.</translation>
        </message>
        <message>
            <source>The signature's trusted comment was changed after signing. Do not use this file.</source>
            <translation>عُدِّل التعليق الموثوق في التوقيع بعد التوقيع. لا تستخدم هذا الملف.</translation>
        </message>
        <message>
            <source>The signature uses an algorithm this app does not know. Ask for the file to be signed again with minisign.</source>
            <translation>يستخدم التوقيع خوارزمية لا يعرفها هذا التطبيق. اطلب توقيع الملف من جديد باستخدام minisign.</translation>
        </message>
        <message>
            <source>This is not a Tomar organizer identity file.</source>
            <translation>هذا ليس ملف هوية منظِّم من طومار.</translation>
        </message>
        <message>
            <source>The organizer identity file is damaged.</source>
            <translation>ملف هوية المنظِّم تالف.</translation>
        </message>
        <message>
            <source>The organizer signing key is damaged.</source>
            <translation>مفتاح التوقيع الخاص بالمنظِّم تالف.</translation>
        </message>
        <message>
            <source>The recipient type must be 'hybrid' or 'x25519'.</source>
            <translation>يجب أن يكون نوع المستلِم 'hybrid' أو 'x25519'.</translation>
        </message>
        <message>
            <source>Invalid database name.</source>
            <translation>اسم قاعدة البيانات غير صالح.</translation>
        </message>
        <message>
            <source>The key file asks for an unsafe amount of memory; it may be damaged.</source>
            <translation>ملف المفتاح يطلب مقدارًا غير آمن من الذاكرة، وقد يكون تالفًا.</translation>
        </message>
        <message>
            <source>The key file is damaged.</source>
            <translation>ملف المفتاح تالف.</translation>
        </message>
        <message>
            <source>The key file is damaged (too large).</source>
            <translation>ملف المفتاح تالف (كبير جدًا).</translation>
        </message>
        <message>
            <source>This key file is of a kind this version of Tomar does not know.</source>
            <translation>ملف المفتاح هذا من نوع لا يعرفه هذا الإصدار من طومار.</translation>
        </message>
        <message>
            <source>The key file is missing: this vault cannot be opened.</source>
            <translation>ملف المفتاح مفقود: لا يمكن فتح هذه الخزنة.</translation>
        </message>
        <message>
            <source>The key file cannot be read ({detail}).</source>
            <translation>تعذّرت قراءة ملف المفتاح ({detail}).</translation>
        </message>
        <message>
            <source>The key file has unusual settings; it may be damaged.</source>
            <translation>في ملف المفتاح إعدادات غير معتادة، وقد يكون تالفًا.</translation>
        </message>
        <message>
            <source>The passphrase is not correct.</source>
            <translation>عبارة المرور غير صحيحة.</translation>
        </message>
        <message>
            <source>Make between 1 and {max_shares} shares.</source>
            <translation>يجب أن يكون عدد الحصص بين ١ و{max_shares}.</translation>
        </message>
        <message>
            <source>Not enough shares: more shares of the same set are needed.</source>
            <translation>الحصص غير كافية: يلزم المزيد من حصص المجموعة نفسها.</translation>
        </message>
        <message>
            <source>The same share was given twice.</source>
            <translation>أُعطيت الحصة نفسها مرتين.</translation>
        </message>
        <message>
            <source>These shares do not fit together; check each one word by word.</source>
            <translation>هذه الحصص لا تتوافق معًا؛ تحقق من كل واحدة كلمةً كلمة.</translation>
        </message>
        <message>
            <source>No shares were given.</source>
            <translation>لم تُعطَ أي حصة.</translation>
        </message>
        <message>
            <source>These shares do not all belong to the same set.</source>
            <translation>هذه الحصص لا تنتمي كلها إلى المجموعة نفسها.</translation>
        </message>
        <message>
            <source>A share is not valid: check every word (a typo is detected, not corrected).</source>
            <translation>إحدى الحصص غير صالحة: تحقق من كل كلمة (يُكتشف الخطأ المطبعي ولا يُصحَّح).</translation>
        </message>
        <message>
            <source>These shares do not hold a Tomar organizer key.</source>
            <translation>هذه الحصص لا تحمل مفتاح منظِّم من طومار.</translation>
        </message>
        <message>
            <source>These shares restore another organizer key than this campaign's.</source>
            <translation>هذه الحصص تستعيد مفتاح منظِّم غير مفتاح هذه الحملة.</translation>
        </message>
        <message>
            <source>With a threshold of 1 every share is the whole key; use a threshold of 2 or more (or make a single share).</source>
            <translation>إذا كان الحد الأدنى ١ فكل حصة هي المفتاح كاملًا؛ استخدم حدًا أدنى من ٢ فأكثر (أو اصنع حصة واحدة).</translation>
        </message>
        <message>
            <source>The threshold must be between 1 and the number of shares.</source>
            <translation>يجب أن يكون الحد الأدنى بين ١ وعدد الحصص.</translation>
        </message>
        <message>
            <source>This document holds values that cannot be signed: it is damaged.</source>
            <translation>يحتوي هذا المستند على قيم لا يمكن توقيعها: إنه تالف.</translation>
        </message>
        <message>
            <source>This is not a Tomar {what}, or it is damaged.</source>
            <translation>هذا ليس ملفًا من طومار ({what})، أو أنه تالف.</translation>
        </message>
        <message>
            <source>This {what} was not signed by the expected key, or it was changed.</source>
            <translation>هذا الملف ({what}) لم يوقَّع بالمفتاح المتوقع، أو أنه عُدِّل.</translation>
        </message>
        <message>
            <source>This is not a Tomar {what}, or it needs a newer version of Tomar.</source>
            <translation>هذا ليس ملفًا من طومار ({what})، أو أنه يحتاج إلى إصدار أحدث من طومار.</translation>
        </message>
        <message>
            <source>This {what} is too large to be genuine.</source>
            <translation>هذا الملف ({what}) أكبر من أن يكون أصليًا.</translation>
        </message>
        <message>
            <source>This {what} is damaged.</source>
            <translation>هذا الملف ({what}) تالف.</translation>
        </message>
        <message>
            <source>This device certificate is for another campaign.</source>
            <translation>شهادة الجهاز هذه لحملة أخرى.</translation>
        </message>
        <message>
            <source>This enrollment request is for another campaign.</source>
            <translation>طلب تسجيل الجهاز هذا لحملة أخرى.</translation>
        </message>
        <message>
            <source>This receipt is for another campaign.</source>
            <translation>هذا الإيصال لحملة أخرى.</translation>
        </message>
        <message>
            <source>This receipt is damaged.</source>
            <translation>هذا الإيصال تالف.</translation>
        </message>
        <message>
            <source>This {what} contains a file that is too large.</source>
            <translation>هذا الملف ({what}) يحوي ملفًا كبيرًا جدًا.</translation>
        </message>
        <message>
            <source>This {what} contains an unexpected file.</source>
            <translation>هذا الملف ({what}) يحوي ملفًا غير متوقع.</translation>
        </message>
        <message>
            <source>This {what} is damaged or incomplete.</source>
            <translation>هذا الملف ({what}) تالف أو ناقص.</translation>
        </message>
        <message>
            <source>This {what} holds too many files to be genuine.</source>
            <translation>هذا الملف ({what}) يحوي ملفات أكثر من أن يكون أصليًا.</translation>
        </message>
        <message>
            <source>This {what} is incomplete.</source>
            <translation>هذا الملف ({what}) ناقص.</translation>
        </message>
        <message>
            <source>This {what} is suspiciously compressed.</source>
            <translation>هذا الملف ({what}) مضغوط على نحو مريب.</translation>
        </message>
        <message>
            <source>This {what} is of an unknown kind (compression).</source>
            <translation>هذا الملف ({what}) من نوع غير معروف (الضغط).</translation>
        </message>
        <message>
            <source>This {what} is of an unknown kind (encrypted ZIP).</source>
            <translation>هذا الملف ({what}) من نوع غير معروف (ملف ZIP مشفّر).</translation>
        </message>
        <message>
            <source>A point of the signature drawing is outside the signature pad.</source>
            <translation>إحدى نقاط رسم التوقيع خارج لوحة التوقيع.</translation>
        </message>
        <message>
            <source>The signature drawing has an empty stroke.</source>
            <translation>في رسم التوقيع خط فارغ.</translation>
        </message>
        <message>
            <source>The signature drawing has an invalid time stamp.</source>
            <translation>في رسم التوقيع طابع زمني غير صالح.</translation>
        </message>
        <message>
            <source>The signature drawing's time stamps go backwards.</source>
            <translation>الطوابع الزمنية في رسم التوقيع ترجع إلى الوراء.</translation>
        </message>
        <message>
            <source>The signature drawing is too large to store. Please clear it and sign again.</source>
            <translation>رسم التوقيع أكبر من أن يُحفظ. يُرجى مسحه والتوقيع من جديد.</translation>
        </message>
        <message>
            <source>The signature drawing has too many strokes.</source>
            <translation>في رسم التوقيع خطوط كثيرة جدًا.</translation>
        </message>
        <message>
            <source>The signature drawing has too many points.</source>
            <translation>في رسم التوقيع نقاط كثيرة جدًا.</translation>
        </message>
        <message>
            <source>The signature cannot be drawn: the {what} must be positive.</source>
            <translation>لا يمكن رسم التوقيع: يجب أن تكون قيمة {what} موجبة.</translation>
        </message>
        <message>
            <source>The signature pad has an impossible shape.</source>
            <translation>للوحة التوقيع شكل مستحيل.</translation>
        </message>
        <message>
            <source>The stored signature drawing is damaged and cannot be read.</source>
            <translation>رسم التوقيع المحفوظ تالف ولا يمكن قراءته.</translation>
        </message>
        <message>
            <source>The stored signature drawing is not in a format this app can read.</source>
            <translation>رسم التوقيع المحفوظ بصيغة لا يستطيع هذا التطبيق قراءتها.</translation>
        </message>
        <message>
            <source>The vault is busy in another Tomar window: nothing was saved.</source>
            <translation>الخزنة مشغولة في نافذة أخرى من طومار، ولم يُحفظ أي شيء.</translation>
        </message>
        <message>
            <source>Please choose a passphrase.</source>
            <translation>يُرجى اختيار عبارة مرور.</translation>
        </message>
        <message>
            <source>The vault could not be written: nothing was saved.</source>
            <translation>تعذّرت الكتابة في الخزنة، ولم يُحفظ أي شيء.</translation>
        </message>
        <message>
            <source>There is no vault in {home}. Create one first with 'tomar init'.</source>
            <translation>لا توجد خزنة في {home}. أنشئ واحدة أولًا بالأمر 'tomar init'.</translation>
        </message>
        <message>
            <source>The vault database does not match its key file, or it is damaged.</source>
            <translation>قاعدة بيانات الخزنة لا تطابق ملف مفتاحها، أو أنها تالفة.</translation>
        </message>
        <message>
            <source>The vault database is missing; only its key file is left.</source>
            <translation>قاعدة بيانات الخزنة مفقودة، ولم يبقَ إلا ملف مفتاحها.</translation>
        </message>
        <message>
            <source>The disk is full: nothing was saved. Free some space and try again.</source>
            <translation>القرص ممتلئ، ولم يُحفظ أي شيء. يُرجى إخلاء بعض المساحة والمحاولة مرة أخرى.</translation>
        </message>
        <message>
            <source>The vault's disk is read-only: nothing was saved. Nothing was lost; make it writable and try again.</source>
            <translation>قرص الخزنة للقراءة فقط: لم يُحفظ أي شيء. لم يُفقد شيء؛ اجعله قابلًا للكتابة ثم حاول مجددًا.</translation>
        </message>
        <message>
            <source>The disk reported an input/output error: nothing was saved. The disk may be failing: copy your Tomar folder to another disk first.</source>
            <translation>أبلغ القرص عن خطأ في القراءة أو الكتابة: لم يُحفظ أي شيء. قد يكون القرص على وشك التعطّل: انسخ مجلد طومار إلى قرص آخر أولًا.</translation>
        </message>
        <message>
            <source>The key file tomar.key is missing from {home}, but the vault database is still there. It cannot be opened without the key file: put back a copy of tomar.key if you have one. If it was erased on purpose (a panic wipe), 'tomar wipe --yes' clears the folder for a new vault.</source>
            <translation>ملف المفتاح tomar.key مفقود من {home}، لكن قاعدة بيانات الخزنة ما زالت موجودة. لا يمكن فتحها من دون ملف المفتاح: أعِد نسخة من tomar.key إن كانت لديك. وإن كان قد مُحي عمدًا (مسح طارئ)، فإن 'tomar wipe --yes' يُفرغ المجلد لخزنة جديدة.</translation>
        </message>
        <message>
            <source>The vault is locked.</source>
            <translation>الخزنة مقفلة.</translation>
        </message>
        <message>
            <source>This vault was made by a newer version of Tomar. Please update Tomar.</source>
            <translation>أُنشئت هذه الخزنة بإصدار أحدث من طومار. يُرجى تحديث طومار.</translation>
        </message>
        <message>
            <source>The vault cannot be opened: its disk or folder is read-only. Nothing was lost; make it writable, or copy your Tomar folder to a writable disk, and try again.</source>
            <translation>تعذّر فتح الخزنة: قرصها أو مجلدها للقراءة فقط. لم يُفقد شيء؛ اجعله قابلًا للكتابة، أو انسخ مجلد طومار إلى قرص قابل للكتابة، ثم حاول مجددًا.</translation>
        </message>
        <message>
            <source>The vault cannot be opened: the disk is full. Nothing was lost; free some space and try again.</source>
            <translation>تعذّر فتح الخزنة: القرص ممتلئ. لم يُفقد شيء؛ أفرغ بعض المساحة ثم حاول مجددًا.</translation>
        </message>
        <message>
            <source>The vault cannot be opened: the disk reported an input/output error. The vault may be intact; copy your Tomar folder to another disk and open it there.</source>
            <translation>تعذّر فتح الخزنة: أبلغ القرص عن خطأ في القراءة أو الكتابة. قد تكون الخزنة سليمة؛ انسخ مجلد طومار إلى قرص آخر وافتحها هناك.</translation>
        </message>
        <message>
            <source>The rebuilt vault failed its integrity check; nothing changed.</source>
            <translation>لم تجتز الخزنة المعاد بناؤها فحص السلامة، ولم يتغير أي شيء.</translation>
        </message>
        <message>
            <source>Tomar refuses to run: the database safety setting '{name}' is not in force. Signer data could leak to disk.</source>
            <translation>يرفض طومار العمل: إعداد الأمان '{name}' في قاعدة البيانات غير مفعّل، وقد تتسرب بيانات الموقِّعين إلى القرص.</translation>
        </message>
        <message>
            <source>This disk or folder is read-only: {what} was not saved. Nothing was lost; make it writable and try again.</source>
            <translation>هذا القرص أو المجلد للقراءة فقط: لم يُحفظ {what}. لم يُفقد شيء؛ اجعله قابلًا للكتابة ثم حاول مجددًا.</translation>
        </message>
        <message>
            <source>The disk is full: {what} was not saved. Free some space and try again.</source>
            <translation>القرص ممتلئ: تعذّر حفظ {what}. يُرجى إخلاء بعض المساحة والمحاولة مرة أخرى.</translation>
        </message>
        <message>
            <source>The disk reported an error: {what} was not saved ({detail}).</source>
            <translation>أبلغ القرص عن خطأ: تعذّر حفظ {what} ({detail}).</translation>
        </message>
        <message>
            <source>The disk reported an input/output error: {what} was not saved. The disk may be failing: copy your Tomar folder to another disk first.</source>
            <translation>أبلغ القرص عن خطأ في القراءة أو الكتابة: لم يُحفظ {what}. قد يكون القرص على وشك التعطّل: انسخ مجلد طومار إلى قرص آخر أولًا.</translation>
        </message>
        <message>
            <source>This device already holds another campaign. Use a separate vault (--home) for a second campaign.</source>
            <translation>يحمل هذا الجهاز حملة أخرى من قبل. استخدم خزنة منفصلة (--home) لحملة ثانية.</translation>
        </message>
        <message>
            <source>This campaign package is older (revision {revision}) than the one on this device (revision {revision2}). It was not imported: an old package could send this device to a server the campaign no longer uses. Ask the organizer for the newest package.</source>
            <translation>ملف الحملة هذا أقدم (الإصدار {revision}) من الملف الموجود على هذا الجهاز (الإصدار {revision2}). لم يُستورد: فقد يوجّه ملفٌّ قديم هذا الجهاز إلى خادم لم تعد الحملة تستخدمه. اطلب من المنظِّم أحدث ملف للحملة.</translation>
        </message>
        <message>
            <source>This campaign package is signed by someone else than the organizer of the campaign on this device. It was not imported.</source>
            <translation>ملف الحملة هذا موقَّع من شخص غير منظِّم الحملة الموجودة على هذا الجهاز، ولم يُستورد.</translation>
        </message>
        <message>
            <source>No campaign yet. Import the organizer's campaign package first.</source>
            <translation>لا توجد حملة بعد. استورد ملف الحملة من المنظِّم أولًا.</translation>
        </message>
        <message>
            <source>This certificate is for another device.</source>
            <translation>هذه الشهادة لجهاز آخر.</translation>
        </message>
        <message>
            <source>Please give the event a name.</source>
            <translation>يُرجى إعطاء الفعالية اسمًا.</translation>
        </message>
        <message>
            <source>This file could not be read (internal error {error}); it was refused and nothing was changed.</source>
            <translation>تعذّرت قراءة هذا الملف (خطأ داخلي {error})؛ فرُفض ولم يتغيّر شيء.</translation>
        </message>
        <message>
            <source>The organizer fingerprint in this package is not the one you expected. Do not use this package; ask the organizer.</source>
            <translation>بصمة المنظِّم في هذا الملف ليست البصمة التي كنت تتوقعها. لا تستخدم هذا الملف، واسأل المنظِّم.</translation>
        </message>
        <message>
            <source>This receipt is for another device.</source>
            <translation>هذا الإيصال لجهاز آخر.</translation>
        </message>
        <message>
            <source>This receipt is for batch {batch}, which this device did not export.</source>
            <translation>هذا الإيصال للدفعة {batch}، وهي دفعة لم يصدّرها هذا الجهاز.</translation>
        </message>
        <message>
            <source>That signature was already voided.</source>
            <translation>هذا التوقيع أُبطل من قبل.</translation>
        </message>
        <message>
            <source>There is no signature with that id on this device.</source>
            <translation>لا يوجد على هذا الجهاز توقيع بهذا المعرّف.</translation>
        </message>
        <message>
            <source>Start an event first: signatures are collected at an event.</source>
            <translation>ابدأ فعالية أولًا، فالتواقيع تُجمع في فعالية.</translation>
        </message>
        <message>
            <source>This vault has no device key; it may be damaged.</source>
            <translation>ليس في هذه الخزنة مفتاح للجهاز، وقد تكون تالفة.</translation>
        </message>
        <message>
            <source>A record is damaged.</source>
            <translation>أحد التواقيع تالف.</translation>
        </message>
        <message>
            <source>A record's device signature is not valid.</source>
            <translation>توقيع الجهاز على أحد التواقيع غير صالح.</translation>
        </message>
        <message>
            <source>A record is too large to be genuine.</source>
            <translation>أحد التواقيع أكبر من أن يكون أصليًا.</translation>
        </message>
        <message>
            <source>This batch belongs to another campaign.</source>
            <translation>هذه الدفعة تنتمي إلى حملة أخرى.</translation>
        </message>
        <message>
            <source>This batch contains files that its manifest does not list.</source>
            <translation>هذه الدفعة تحوي ملفات لا يذكرها بيانها.</translation>
        </message>
        <message>
            <source>There is no batch {number} on this device.</source>
            <translation>لا توجد على هذا الجهاز دفعة برقم {number}.</translation>
        </message>
        <message>
            <source>Export cancelled. Nothing was written.</source>
            <translation>أُلغي التصدير، ولم يُكتب أي شيء.</translation>
        </message>
        <message>
            <source>The batch file cannot be read ({detail}).</source>
            <translation>تعذّرت قراءة ملف الدفعة ({detail}).</translation>
        </message>
        <message>
            <source>The folder already holds a file named {name}; move it away and export again. Nothing was written.</source>
            <translation>في المجلد ملف باسم {name} من قبل؛ انقله إلى مكان آخر ثم صدّر مرة أخرى. لم يُكتب أي شيء.</translation>
        </message>
        <message>
            <source>The folder {out_dir} does not exist.</source>
            <translation>المجلد {out_dir} غير موجود.</translation>
        </message>
        <message>
            <source>This batch is incomplete: its manifest or signature is missing.</source>
            <translation>هذه الدفعة ناقصة: بيانها أو توقيعها مفقود.</translation>
        </message>
        <message>
            <source>This batch has an invalid batch number.</source>
            <translation>رقم هذه الدفعة غير صالح.</translation>
        </message>
        <message>
            <source>This batch's link to the previous batch is damaged.</source>
            <translation>صلة هذه الدفعة بالدفعة السابقة تالفة.</translation>
        </message>
        <message>
            <source>This batch lists the same record twice.</source>
            <translation>هذه الدفعة تذكر التوقيع نفسه مرتين.</translation>
        </message>
        <message>
            <source>This batch lists too many records.</source>
            <translation>هذه الدفعة تذكر تواقيع أكثر من اللازم.</translation>
        </message>
        <message>
            <source>This batch's list of records is damaged.</source>
            <translation>قائمة التواقيع في هذه الدفعة تالفة.</translation>
        </message>
        <message>
            <source>Batch {number} can no longer be rebuilt: its records were purged after a receipt.</source>
            <translation>لم يعد ممكنًا إعادة بناء الدفعة {number}: حُذفت تواقيعها بعد وصول إيصالها.</translation>
        </message>
        <message>
            <source>This batch's manifest is damaged.</source>
            <translation>بيان هذه الدفعة تالف.</translation>
        </message>
        <message>
            <source>This batch's manifest is damaged (not in canonical form).</source>
            <translation>بيان هذه الدفعة تالف (ليس بالصيغة القياسية).</translation>
        </message>
        <message>
            <source>This batch is missing records that its manifest lists.</source>
            <translation>تنقص هذه الدفعةَ تواقيعُ يذكرها بيانها.</translation>
        </message>
        <message>
            <source>This batch names a record with an invalid id.</source>
            <translation>هذه الدفعة تذكر توقيعًا بمعرّف غير صالح.</translation>
        </message>
        <message>
            <source>This batch needs a newer version of Tomar.</source>
            <translation>هذه الدفعة تحتاج إلى إصدار أحدث من طومار.</translation>
        </message>
        <message>
            <source>Nothing new to export: every record is already in a batch. Batch(es) {numbers} had not reached this folder and were written again.</source>
            <translation>لا جديد للتصدير: كل التواقيع موجودة في دفعات. الدفعة أو الدفعات {numbers} لم تكن قد وصلت إلى هذا المجلد فكُتبت مجددًا.</translation>
        </message>
        <message>
            <source>Nothing new to export: every record is already in a batch.</source>
            <translation>لا جديد للتصدير: كل التواقيع موجودة في دفعات من قبل.</translation>
        </message>
        <message>
            <source>Record {record} in this batch was changed or damaged.</source>
            <translation>التوقيع {record} في هذه الدفعة عُدِّل أو تلف.</translation>
        </message>
        <message>
            <source>Record {record} in this batch has an invalid hash.</source>
            <translation>التوقيع {record} في هذه الدفعة بصمته الرقمية غير صالحة.</translation>
        </message>
        <message>
            <source>Record {record} in this batch has an invalid sequence number.</source>
            <translation>التوقيع {record} في هذه الدفعة رقمه التسلسلي غير صالح.</translation>
        </message>
        <message>
            <source>This batch was sealed for another organizer key.</source>
            <translation>شُفِّرت هذه الدفعة لمفتاح منظِّم آخر.</translation>
        </message>
        <message>
            <source>This batch's signature is not valid: it was changed after the device signed it.</source>
            <translation>توقيع هذه الدفعة غير صالح: عُدِّلت بعد أن وقّعها الجهاز.</translation>
        </message>
        <message>
            <source>This is not a Tomar batch.</source>
            <translation>هذه ليست دفعة من طومار.</translation>
        </message>
        <message>
            <source>This batch uses the same sequence number twice.</source>
            <translation>هذه الدفعة تستخدم الرقم التسلسلي نفسه مرتين.</translation>
        </message>
        <message>
            <source>'consents' must be a list of at most 10 [[consents]] tables.</source>
            <translation>يجب أن تكون 'consents' قائمة من ١٠ جداول [[consents]] على الأكثر.</translation>
        </message>
        <message>
            <source>Consent '{purpose}' may have only 'purpose' and 'text': an extra consent is never preselected.</source>
            <translation>لا يجوز أن تحتوي الموافقة '{purpose}' إلا على 'purpose' و'text': فالموافقة الإضافية لا تُحدَّد مسبقًا أبدًا.</translation>
        </message>
        <message>
            <source>'delete_after_days' must be a number of days from 1 to 3650.</source>
            <translation>يجب أن تكون 'delete_after_days' عدد أيام من ١ إلى ٣٦٥٠.</translation>
        </message>
        <message>
            <source>'delete_by' must be a date such as 2027-06-30.</source>
            <translation>يجب أن تكون 'delete_by' تاريخًا مثل 2027-06-30.</translation>
        </message>
        <message>
            <source>'display_default' must be "ask", "hidden", "initials" or "full".</source>
            <translation>يجب أن تكون قيمة 'display_default' إحدى: "ask" (يُسأل الموقِّع)، "hidden" (لا يظهر)، "initials" (الأحرف الأولى فقط)، "full" (الاسم الكامل).</translation>
        </message>
        <message>
            <source>Each [[consents]] entry needs a unique 'purpose' of lowercase letters, digits and '_'.</source>
            <translation>يحتاج كل بند في [[consents]] إلى 'purpose' فريد من أحرف صغيرة وأرقام و'_'.</translation>
        </message>
        <message>
            <source>Each [[fields]] entry must be a table.</source>
            <translation>يجب أن يكون كل إدخال في [[fields]] جدولًا.</translation>
        </message>
        <message>
            <source>Each field needs a unique 'name' of lowercase letters, digits and '_'.</source>
            <translation>تحتاج كل خانة إلى 'name' فريد من أحرف صغيرة وأرقام و'_'.</translation>
        </message>
        <message>
            <source>'end_date' must be a date such as 2027-03-31.</source>
            <translation>يجب أن يكون 'end_date' تاريخًا مثل 2027-03-31.</translation>
        </message>
        <message>
            <source>Field '{name}': 'label' must be a table of texts per language.</source>
            <translation>الخانة '{name}': يجب أن يكون 'label' جدولًا بالنصوص لكل لغة.</translation>
        </message>
        <message>
            <source>Field '{name}': 'required' must be true or false.</source>
            <translation>الخانة '{name}': يجب أن تكون قيمة 'required' إما true أو false.</translation>
        </message>
        <message>
            <source>Field '{name}' has an unknown kind; use one of: {choices}.</source>
            <translation>نوع الخانة '{name}' غير معروف؛ استخدم أحد الأنواع التالية: {choices}.</translation>
        </message>
        <message>
            <source>'id' may hold only letters, digits, '-' and '_'.</source>
            <translation>لا يجوز أن يحوي 'id' إلا أحرفًا وأرقامًا و'-' و'_'.</translation>
        </message>
        <message>
            <source>The campaign needs an 'addressee' (whom the petition is for).</source>
            <translation>تحتاج الحملة إلى 'addressee' (الجهة الموجَّهة إليها العريضة).</translation>
        </message>
        <message>
            <source>The campaign needs between 1 and 30 [[fields]].</source>
            <translation>تحتاج الحملة إلى ما بين ١ و٣٠ خانة ([[fields]]).</translation>
        </message>
        <message>
            <source>The campaign needs a field of kind 'name'.</source>
            <translation>تحتاج الحملة إلى خانة من النوع 'name'.</translation>
        </message>
        <message>
            <source>The campaign needs 'languages', a list of codes such as ["en", "fa"].</source>
            <translation>تحتاج الحملة إلى 'languages'، وهي قائمة رموز مثل ["en", "fa", "ar"].</translation>
        </message>
        <message>
            <source>This is not a Tomar campaign package.</source>
            <translation>هذا ليس ملف حملة من طومار.</translation>
        </message>
        <message>
            <source>This campaign package was changed after the organizer signed it. Do not use it.</source>
            <translation>عُدِّل ملف الحملة هذا بعد أن وقّعه المنظِّم. لا تستخدمه.</translation>
        </message>
        <message>
            <source>This campaign package is damaged.</source>
            <translation>ملف الحملة هذا تالف.</translation>
        </message>
        <message>
            <source>This campaign package is damaged (not in canonical form).</source>
            <translation>ملف الحملة هذا تالف (ليس بالصيغة القياسية).</translation>
        </message>
        <message>
            <source>This campaign package is incomplete.</source>
            <translation>ملف الحملة هذا ناقص.</translation>
        </message>
        <message>
            <source>This campaign package needs a newer version of Tomar.</source>
            <translation>ملف الحملة هذا يحتاج إلى إصدار أحدث من طومار.</translation>
        </message>
        <message>
            <source>'phone_region' must be a two-letter country code such as "US".</source>
            <translation>يجب أن يكون 'phone_region' رمز بلد من حرفين مثل "US".</translation>
        </message>
        <message>
            <source>'revision' must be a positive whole number.</source>
            <translation>يجب أن تكون قيمة 'revision' عددًا صحيحًا موجبًا.</translation>
        </message>
        <message>
            <source>'server_cert_sha256' must be 64 hexadecimal digits (SHA-256).</source>
            <translation>يجب أن يكون 'server_cert_sha256' مكوّنًا من ٦٤ رقمًا ست عشريًا (SHA-256).</translation>
        </message>
        <message>
            <source>'signature' must be "required" or "optional".</source>
            <translation>يجب أن تكون قيمة 'signature' إما "required" أو "optional".</translation>
        </message>
        <message>
            <source>The campaign spec needs a [{key}] table with one text per language.</source>
            <translation>يحتاج وصف الحملة إلى جدول [{key}] فيه نص لكل لغة.</translation>
        </message>
        <message>
            <source>The campaign spec has no '{key}' text for language '{lang}'.</source>
            <translation>ليس في وصف الحملة نص '{key}' للغة '{lang}'.</translation>
        </message>
        <message>
            <source>The campaign spec is not valid TOML: {detail}</source>
            <translation>وصف الحملة ليس بصيغة TOML صالحة: {detail}</translation>
        </message>
        <message>
            <source>'sync_url' must be an http:// or https:// address.</source>
            <translation>يجب أن يكون 'sync_url' عنوانًا يبدأ بـ http:// أو https://.</translation>
        </message>
        <message>
            <source>The '{key}' text for '{lang}' is too long.</source>
            <translation>نص '{key}' للغة '{lang}' طويل جدًا.</translation>
        </message>
        <message>
            <source>The backup passphrase must have at least 8 characters.</source>
            <translation>يجب أن تتكون عبارة مرور النسخة الاحتياطية من ٨ أحرف على الأقل.</translation>
        </message>
        <message>
            <source>Back up the organizer key first ('tomar organizer backup'): if it is lost, every signature of the campaign is lost with it.</source>
            <translation>احفظ نسخة احتياطية من مفتاح المنظِّم أولًا ('tomar organizer backup'): إن ضاع، ضاع معه كل توقيع في الحملة.</translation>
        </message>
        <message>
            <source>Please give the organizer a name.</source>
            <translation>يُرجى إعطاء المنظِّم اسمًا.</translation>
        </message>
        <message>
            <source>Print the recovery shares of the organizer key first ('tomar organizer shares'), or say that you keep only the backup file ('--without-shares').</source>
            <translation>اطبع أولًا حصص استعادة مفتاح المنظِّم ('tomar organizer shares')، أو صرِّح بأنك تحتفظ بملف النسخة الاحتياطية وحده ('--without-shares').</translation>
        </message>
        <message>
            <source>This vault already has organizer keys.</source>
            <translation>في هذه الخزنة مفاتيح للمنظِّم من قبل.</translation>
        </message>
        <message>
            <source>This vault has no organizer keys. Run 'tomar organizer init' first.</source>
            <translation>ليس في هذه الخزنة مفاتيح للمنظِّم. شغّل 'tomar organizer init' أولًا.</translation>
        </message>
        <message>
            <source>it was already received from device {device} (a replayed record).</source>
            <translation>سبق أن وصل من الجهاز {device} (توقيع مُعاد إرساله).</translation>
        </message>
        <message>
            <source>it was already received (a replayed record).</source>
            <translation>وصل من قبل (توقيع مكرر).</translation>
        </message>
        <message>
            <source>Another batch {number} of this device was already imported: this one is a replay or a forgery.</source>
            <translation>استُورِدت من قبل دفعة أخرى برقم {number} من هذا الجهاز: هذه الدفعة مكررة أو مزوّرة.</translation>
        </message>
        <message>
            <source>This batch carries another device's certificate.</source>
            <translation>هذه الدفعة تحمل شهادة جهاز آخر.</translation>
        </message>
        <message>
            <source>This batch comes from a revoked device; it was not imported.</source>
            <translation>هذه الدفعة من جهاز أُلغي اعتماده، ولم تُستورد.</translation>
        </message>
        <message>
            <source>Batch {batch} of this device does not follow this one.</source>
            <translation>الدفعة {batch} من هذا الجهاز لا تلي هذه الدفعة.</translation>
        </message>
        <message>
            <source>This batch does not follow batch {batch} of its device.</source>
            <translation>هذه الدفعة لا تلي الدفعة {batch} من جهازها.</translation>
        </message>
        <message>
            <source>This batch repeats records already received.</source>
            <translation>هذه الدفعة تكرر تواقيع وصلت من قبل.</translation>
        </message>
        <message>
            <source>This batch is too large to be genuine.</source>
            <translation>هذه الدفعة أكبر من أن تكون أصلية.</translation>
        </message>
        <message>
            <source>This batch could not be read (an unexpected {error}); it was rejected and nothing of it was kept.</source>
            <translation>تعذّرت قراءة هذه الدفعة ({error} غير متوقَّع)؛ فرُفضت ولم يُحفظ منها شيء.</translation>
        </message>
        <message>
            <source>it belongs to another campaign or organizer key.</source>
            <translation>ينتمي إلى حملة أخرى أو إلى مفتاح منظِّم آخر.</translation>
        </message>
        <message>
            <source>This campaign is closed: its signers' personal data was destroyed, and nothing more can be imported.</source>
            <translation>هذه الحملة مغلقة: أُتلفت البيانات الشخصية لموقِّعيها، ولا يمكن استيراد أي شيء بعد الآن.</translation>
        </message>
        <message>
            <source>Choose another signer to merge with.</source>
            <translation>اختر موقِّعًا آخر للدمج معه.</translation>
        </message>
        <message>
            <source>it is a damaged void record.</source>
            <translation>هو سجل إبطال تالف.</translation>
        </message>
        <message>
            <source>No device with that fingerprint has sent a batch or been enrolled.</source>
            <translation>لم يرسل أي جهاز بهذه البصمة دفعةً، ولم يُسجَّل.</translation>
        </message>
        <message>
            <source>its drawn signature is damaged.</source>
            <translation>توقيعه المرسوم تالف.</translation>
        </message>
        <message>
            <source>its event is damaged.</source>
            <translation>بيانات فعاليته تالفة.</translation>
        </message>
        <message>
            <source>its extra consents do not match the campaign.</source>
            <translation>موافقاته الإضافية لا تطابق الحملة.</translation>
        </message>
        <message>
            <source>its fields do not match the campaign.</source>
            <translation>خاناته لا تطابق الحملة.</translation>
        </message>
        <message>
            <source>The file cannot be read ({detail}).</source>
            <translation>تعذّرت قراءة الملف ({detail}).</translation>
        </message>
        <message>
            <source>its id or sequence number differs from the manifest.</source>
            <translation>معرّفه أو رقمه التسلسلي يختلف عمّا في بيان الدفعة.</translation>
        </message>
        <message>
            <source>Import cancelled. Nothing was changed.</source>
            <translation>أُلغي الاستيراد، ولم يتغير أي شيء.</translation>
        </message>
        <message>
            <source>it has an invalid display choice or source.</source>
            <translation>فيه خيار عرض أو مصدر غير صالح.</translation>
        </message>
        <message>
            <source>it is in a language the campaign does not have.</source>
            <translation>مكتوب بلغة ليست من لغات الحملة.</translation>
        </message>
        <message>
            <source>its paper sheet reference is damaged.</source>
            <translation>إشارته إلى الورقة المطبوعة تالفة.</translation>
        </message>
        <message>
            <source>A record id is 32 hexadecimal digits.</source>
            <translation>معرّف التوقيع ٣٢ رقمًا ست عشريًا.</translation>
        </message>
        <message>
            <source>Record {record}: {reason} The whole batch was rejected.</source>
            <translation>التوقيع {record}: {reason} رُفضت الدفعة كلها.</translation>
        </message>
        <message>
            <source>it cannot be read (an unexpected {error}).</source>
            <translation>تتعذّر قراءته ({error} غير متوقَّع).</translation>
        </message>
        <message>
            <source>it was signed by another device than the batch.</source>
            <translation>وقّعه جهاز غير الجهاز الذي أرسل الدفعة.</translation>
        </message>
        <message>
            <source>No signer has this record id.</source>
            <translation>لا يوجد موقِّع بهذا المعرّف.</translation>
        </message>
        <message>
            <source>No signer with that record id.</source>
            <translation>لا يوجد موقِّع بهذا المعرّف.</translation>
        </message>
        <message>
            <source>its time is damaged.</source>
            <translation>وقته تالف.</translation>
        </message>
        <message>
            <source>Unknown review decision.</source>
            <translation>قرار مراجعة غير معروف.</translation>
        </message>
        <message>
            <source>it is of an unknown type.</source>
            <translation>نوعه غير معروف.</translation>
        </message>
        <message>
            <source>it is of an unknown version.</source>
            <translation>إصداره غير معروف.</translation>
        </message>
        <message>
            <source>This vault's organizer keys do not belong to its campaign.</source>
            <translation>مفاتيح المنظِّم في هذه الخزنة لا تنتمي إلى حملتها.</translation>
        </message>
        <message>
            <source>This campaign has no texts in '{lang}'. Choose one of: {choices}.</source>
            <translation>ليس في هذه الحملة نصوص باللغة '{lang}'. اختر إحدى اللغات التالية: {choices}.</translation>
        </message>
        <message>
            <source>Cancelled: no file was written.</source>
            <translation>أُلغي الأمر: لم يُكتب أي ملف.</translation>
        </message>
        <message>
            <source>Could not find free sheet serials; please try again.</source>
            <translation>تعذّر العثور على أرقام تسلسلية شاغرة للأوراق؛ يُرجى المحاولة مرة أخرى.</translation>
        </message>
        <message>
            <source>The folder {folder} does not exist.</source>
            <translation>المجلد {folder} غير موجود.</translation>
        </message>
        <message>
            <source>Print between 1 and {max_sheets} sheets at a time.</source>
            <translation>اطبع في كل مرة ما بين ١ و{max_sheets} ورقة.</translation>
        </message>
        <message>
            <source>This QR code is not from a Tomar paper sheet.</source>
            <translation>رمز الاستجابة السريعة هذا ليس من ورقة مطبوعة من طومار.</translation>
        </message>
        <message>
            <source>Row {row} of sheet {serial} was already entered.</source>
            <translation>الصف {row} من الورقة {serial} أُدخل من قبل.</translation>
        </message>
        <message>
            <source>A sheet can have between 1 and {max_rows} rows.</source>
            <translation>يمكن أن تحوي الورقة عددًا من الصفوف بين ١ و{max_rows}.</translation>
        </message>
        <message>
            <source>Sheet {serial} was not printed on this device. Check the serial on the sheet.</source>
            <translation>الورقة {serial} لم تُطبع على هذا الجهاز. تحقق من الرقم التسلسلي المكتوب على الورقة.</translation>
        </message>
        <message>
            <source>Sheet {serial} has rows 1 to {rows}; check the row number.</source>
            <translation>في الورقة {serial} الصفوف من ١ إلى {rows}؛ تحقق من رقم الصف.</translation>
        </message>
        <message>
            <source>A sheet serial has only letters, digits and '-', as printed.</source>
            <translation>لا يحوي الرقم التسلسلي للورقة إلا أحرفًا وأرقامًا و'-'، كما هو مطبوع.</translation>
        </message>
        <message>
            <source>Making the sheets stopped unexpectedly (the computer may have run short of memory). Nothing was saved; please try again.</source>
            <translation>توقّف إعداد الأوراق فجأةً (ربما نفدت ذاكرة الحاسوب). لم يُحفظ شيء؛ يُرجى المحاولة مرة أخرى.</translation>
        </message>
        <message>
            <source>No signer has a known district: nothing to deliver by office.</source>
            <translation>لا يوجد موقِّع معروفة دائرته: لا شيء يُسلَّم حسب المكتب.</translation>
        </message>
        <message>
            <source>No signer has a known state: nothing to deliver by office.</source>
            <translation>لا يوجد موقِّع معروفة ولايته: لا شيء يُسلَّم حسب المكتب.</translation>
        </message>
        <message>
            <source>A text is too large to fit on a page.</source>
            <translation>النص أكبر من أن يتسع في صفحة واحدة.</translation>
        </message>
        <message>
            <source>Unknown paper size '{paper}': use letter or a4.</source>
            <translation>مقاس الورق '{paper}' غير معروف: استخدم letter أو a4.</translation>
        </message>
        <message>
            <source>{file} arrived damaged; it will be fetched again next time.</source>
            <translation>ما وصل من {file} تالف، وسيُجلب مرة أخرى في المرة القادمة.</translation>
        </message>
        <message>
            <source>Batch {number} was refused: {detail}</source>
            <translation>رُفضت الدفعة {number}: {detail}</translation>
        </message>
        <message>
            <source>Batch {number} was not sent: {detail}</source>
            <translation>لم تُرسل الدفعة {number}: {detail}</translation>
        </message>
        <message>
            <source>The campaign pins the server's certificate, so the address must start with https://.</source>
            <translation>الحملة تثبّت شهادة الخادم، لذا يجب أن يبدأ العنوان بـ https://.</translation>
        </message>
        <message>
            <source>Sync cancelled.</source>
            <translation>أُلغيت المزامنة.</translation>
        </message>
        <message>
            <source>The certificate of {server} could not be verified. Do not sync over this network; tell the organizer.</source>
            <translation>تعذّر التحقق من شهادة {server}. لا تزامن عبر هذه الشبكة، وأبلغ المنظِّم.</translation>
        </message>
        <message>
            <source>{server} is not a Tomar collection server.</source>
            <translation>{server} ليس خادم جمع لطومار.</translation>
        </message>
        <message>
            <source>the connection broke</source>
            <translation>انقطع الاتصال</translation>
        </message>
        <message>
            <source>{target} could not be asked for receipts: {detail}</source>
            <translation>تعذّر طلب الإيصالات من {target}: {detail}</translation>
        </message>
        <message>
            <source>{file} could not be fetched: {detail}</source>
            <translation>تعذّر جلب {file}: {detail}</translation>
        </message>
        <message>
            <source>This device is not enrolled yet, so the server will not accept its batches. Ask the organizer to enroll it, or sync through a folder (USB stick).</source>
            <translation>هذا الجهاز غير مسجَّل بعد، لذا لن يقبل الخادم دفعاته. اطلب من المنظِّم تسجيله، أو زامن عبر مجلد (وحدة تخزين محمولة).</translation>
        </message>
        <message>
            <source>The folder {folder} does not exist. Is the USB stick or shared folder there?</source>
            <translation>المجلد {folder} غير موجود. هل وحدة التخزين المحمولة أو المجلد المشترك في متناول الجهاز؟</translation>
        </message>
        <message>
            <source>no connection</source>
            <translation>لا يوجد اتصال</translation>
        </message>
        <message>
            <source>{file} cannot be read ({detail}).</source>
            <translation>تعذّرت قراءة {file} ({detail}).</translation>
        </message>
        <message>
            <source>The receipt for batch {batch} was not applied: {detail}</source>
            <translation>لم يُطبَّق إيصال الدفعة {batch}: {detail}</translation>
        </message>
        <message>
            <source>A receipt could not be written: {detail}</source>
            <translation>تعذّرت كتابة أحد الإيصالات: {detail}</translation>
        </message>
        <message>
            <source>A receipt names an invalid device.</source>
            <translation>أحد الإيصالات يذكر جهازًا غير صالح.</translation>
        </message>
        <message>
            <source>The receipt {file} cannot be read ({detail}).</source>
            <translation>تعذّرت قراءة الإيصال {file} ({detail}).</translation>
        </message>
        <message>
            <source>A receipt was refused: {detail}</source>
            <translation>رُفض أحد الإيصالات: {detail}</translation>
        </message>
        <message>
            <source>This request's signature headers are malformed.</source>
            <translation>ترويسات التوقيع في هذا الطلب مشوّهة.</translation>
        </message>
        <message>
            <source>This request's signature is not valid.</source>
            <translation>توقيع هذا الطلب غير صالح.</translation>
        </message>
        <message>
            <source>This request is not signed.</source>
            <translation>هذا الطلب غير موقَّع.</translation>
        </message>
        <message>
            <source>This request was signed too long ago or in the future: check the computer's clock.</source>
            <translation>وُقِّع هذا الطلب منذ زمن بعيد جدًا أو في المستقبل: تحقق من ساعة الحاسوب.</translation>
        </message>
        <message>
            <source>{server} sent a damaged list of batches.</source>
            <translation>أرسل {server} قائمة دفعات تالفة.</translation>
        </message>
        <message>
            <source>the server answered {status}</source>
            <translation>ردّ الخادم بـ {status}</translation>
        </message>
        <message>
            <source>The server's certificate is not the one the organizer pinned in the campaign. Do not sync over this network; tell the organizer.</source>
            <translation>شهادة الخادم ليست الشهادة التي ثبّتها المنظِّم في الحملة. لا تزامن عبر هذه الشبكة، وأبلغ المنظِّم.</translation>
        </message>
        <message>
            <source>The server at {server} collects for another campaign.</source>
            <translation>الخادم في {server} يجمع لحملة أخرى.</translation>
        </message>
        <message>
            <source>The server at {server} did not answer in time ({last}).</source>
            <translation>لم يرد الخادم في {server} في الوقت المحدد ({last}).</translation>
        </message>
        <message>
            <source>The server at {server} sent a larger answer than any genuine one.</source>
            <translation>أرسل الخادم في {server} ردًّا أكبر من أي ردٍّ حقيقي.</translation>
        </message>
        <message>
            <source>the server could not be reached</source>
            <translation>تعذّر الوصول إلى الخادم</translation>
        </message>
        <message>
            <source>it took too long to answer</source>
            <translation>استغرق الرد وقتًا طويلًا جدًا</translation>
        </message>
        <message>
            <source>{file} is too large to be a genuine batch.</source>
            <translation>{file} أكبر من أن يكون دفعة أصلية.</translation>
        </message>
        <message>
            <source>Where to? Give a server address or a folder (tomar sync --to URL|FOLDER); the campaign names no sync address.</source>
            <translation>إلى أين؟ حدّد عنوان خادم أو مجلدًا (tomar sync --to URL|FOLDER)، فالحملة لا تذكر عنوانًا للمزامنة.</translation>
        </message>
        <message>
            <source>Tomar cannot write to {folder} ({detail}).</source>
            <translation>لا يستطيع طومار الكتابة في {folder} ({detail}).</translation>
        </message>
        <message>
            <source>There is already a vault in {home}.</source>
            <translation>توجد خزنة من قبل في {home}.</translation>
        </message>
        <message>
            <source>Please choose a passphrase of at least 8 characters.</source>
            <translation>يُرجى اختيار عبارة مرور من ٨ أحرف على الأقل.</translation>
        </message>
        <message>
            <source>That file is too large to be an enrollment request.</source>
            <translation>هذا الملف أكبر من أن يكون طلب تسجيل جهاز.</translation>
        </message>
        <message>
            <source>Something unexpected went wrong. Nothing was lost. Please try again, and tell the organizer if it happens again.</source>
            <translation>حدث خطأ غير متوقع، ولم يُفقد أي شيء. يُرجى المحاولة مرة أخرى، وإبلاغ المنظِّم إن تكرر ذلك.</translation>
        </message>
        <message>
            <source>Please choose how your name appears on the public sheets.</source>
            <translation>يُرجى اختيار طريقة ظهور اسمك في الأوراق العلنية.</translation>
        </message>
        <message>
            <source>Please check this.</source>
            <translation>يُرجى التحقق من هذا.</translation>
        </message>
        <message>
            <source>This does not look like a postal code. Please check it.</source>
            <translation>لا يبدو هذا رمزًا بريديًا. يُرجى التحقق منه.</translation>
        </message>
        <message>
            <source>Please choose your state from the list.</source>
            <translation>يُرجى اختيار ولايتك من القائمة.</translation>
        </message>
        <message>
            <source>A ZIP code has five digits, or nine as in 20500-0003.</source>
            <translation>الرمز البريدي (ZIP) خمسة أرقام، أو تسعة كما في 20500-0003.</translation>
        </message>
        <message>
            <source>Please tick the box to agree, or you cannot sign.</source>
            <translation>يُرجى وضع علامة في الخانة للموافقة، وإلا فلا يمكنك التوقيع.</translation>
        </message>
        <message>
            <source>This does not look like an email address, for example name@example.com.</source>
            <translation>لا يبدو هذا عنوان بريد إلكتروني، مثل name@example.com.</translation>
        </message>
        <message>
            <source>Please check the sheet number (letters, digits, -) and row (1-999).</source>
            <translation>يُرجى التحقق من رقم الورقة (أحرف وأرقام و-) ورقم الصف (من ١ إلى ٩٩٩).</translation>
        </message>
        <message>
            <source>This row of this sheet was already entered.</source>
            <translation>هذا الصف من هذه الورقة أُدخل من قبل.</translation>
        </message>
        <message>
            <source>This device did not print a sheet with this number, or the sheet has fewer rows.</source>
            <translation>لم يطبع هذا الجهاز ورقة بهذا الرقم، أو أن صفوف الورقة أقل من ذلك.</translation>
        </message>
        <message>
            <source>This does not look like a phone number. Include the country code.</source>
            <translation>لا يبدو هذا رقم هاتف. أضف رمز البلد.</translation>
        </message>
        <message>
            <source>Please fill this in.</source>
            <translation>يُرجى ملء هذه الخانة.</translation>
        </message>
        <message>
            <source>Please sign in the box.</source>
            <translation>يُرجى التوقيع داخل المربع.</translation>
        </message>
        <message>
            <source>Your signature is too short. Please sign as you usually do: a dot or a small tick is not enough.</source>
            <translation>توقيعك قصير جدًا. يُرجى التوقيع كما تفعل عادةً، فلا تكفي نقطة أو علامة صغيرة.</translation>
        </message>
        <message>
            <source>This is too long. Please shorten it.</source>
            <translation>هذا طويل جدًا. يُرجى اختصاره.</translation>
        </message>
        <message>
            <source>There is no such ZIP code. Please check the digits.</source>
            <translation>لا يوجد رمز بريدي كهذا. يُرجى التحقق من الأرقام.</translation>
        </message>
        <message>
            <source>This ZIP code is in another state than the one you chose. If both are right, you can still sign.</source>
            <translation>هذا الرمز البريدي في ولاية غير التي اخترتها. إن كان كلاهما صحيحًا، فما زال بإمكانك التوقيع.</translation>
        </message>
        <message>
            <source>a delivery packet</source>
            <translation>حزمة تسليم</translation>
        </message>
        <message>
            <source>a signature</source>
            <translation>توقيع</translation>
        </message>
        <message>
            <source>batch</source>
            <translation>دفعة</translation>
        </message>
        <message>
            <source>batch {number}</source>
            <translation>الدفعة {number}</translation>
        </message>
        <message>
            <source>campaign package</source>
            <translation>ملف حملة</translation>
        </message>
        <message>
            <source>closing record</source>
            <translation>سجل الإغلاق</translation>
        </message>
        <message>
            <source>consent</source>
            <translation>الموافقة</translation>
        </message>
        <message>
            <source>device certificate</source>
            <translation>شهادة جهاز</translation>
        </message>
        <message>
            <source>enrollment request</source>
            <translation>طلب تسجيل جهاز</translation>
        </message>
        <message>
            <source>height</source>
            <translation>الارتفاع</translation>
        </message>
        <message>
            <source>batch {batch} (it is kept on this device; 'tomar sync --to FOLDER' writes it)</source>
            <translation>الدفعة {batch} (وهي محفوظة على هذا الجهاز، والأمر 'tomar sync --to FOLDER' يكتبها)</translation>
        </message>
        <message>
            <source>receipt</source>
            <translation>إيصال</translation>
        </message>
        <message>
            <source>text</source>
            <translation>النص</translation>
        </message>
        <message>
            <source>the aggregate CSV</source>
            <translation>ملف CSV للأعداد</translation>
        </message>
        <message>
            <source>the batch</source>
            <translation>الدفعة</translation>
        </message>
        <message>
            <source>the certificate</source>
            <translation>الشهادة</translation>
        </message>
        <message>
            <source>the closing record</source>
            <translation>سجل الإغلاق</translation>
        </message>
        <message>
            <source>the copy of the vault</source>
            <translation>نسخة الخزنة</translation>
        </message>
        <message>
            <source>the CSV file</source>
            <translation>ملف CSV</translation>
        </message>
        <message>
            <source>the delivery sheets</source>
            <translation>أوراق التسليم</translation>
        </message>
        <message>
            <source>the delivery summary</source>
            <translation>ملخّص التسليم</translation>
        </message>
        <message>
            <source>the file</source>
            <translation>الملف</translation>
        </message>
        <message>
            <source>the identity file</source>
            <translation>ملف الهوية</translation>
        </message>
        <message>
            <source>the key backup</source>
            <translation>النسخة الاحتياطية للمفتاح</translation>
        </message>
        <message>
            <source>the key file</source>
            <translation>ملف المفتاح</translation>
        </message>
        <message>
            <source>the new vault</source>
            <translation>الخزنة الجديدة</translation>
        </message>
        <message>
            <source>the packets CSV</source>
            <translation>ملف CSV للحزم</translation>
        </message>
        <message>
            <source>the receipt</source>
            <translation>الإيصال</translation>
        </message>
        <message>
            <source>the recovery shares</source>
            <translation>حصص الاستعادة</translation>
        </message>
        <message>
            <source>the report</source>
            <translation>التقرير</translation>
        </message>
        <message>
            <source>the sheets</source>
            <translation>الأوراق</translation>
        </message>
        <message>
            <source>title</source>
            <translation>العنوان</translation>
        </message>
        <message>
            <source>trusted</source>
            <translation>موثوق</translation>
        </message>
        <message>
            <source>untrusted</source>
            <translation>غير موثوق</translation>
        </message>
        <message>
            <source>width</source>
            <translation>العرض</translation>
        </message>
        <message>
            <source>Already held: waiting for your approval.</source>
            <translation>هي بانتظار الموافقة من قبل: تنتظر موافقتك.</translation>
        </message>
        <message>
            <source>Already imported; nothing changed.</source>
            <translation>مستورَدة من قبل، ولم يتغير أي شيء.</translation>
        </message>
        <message>
            <source>Already imported (this file is a copy); nothing changed.</source>
            <translation>مستورَدة من قبل (هذا الملف نسخة منها)، ولم يتغير أي شيء.</translation>
        </message>
        <message>
            <source>Held for your review: batch {batch} of device {device} is numbered more than {jump} past its last batch. If the device is genuine, approve it to import the batch.</source>
            <translation>بانتظار الموافقة: رقم الدفعة {batch} من الجهاز {device} يتجاوز آخر دفعة له بأكثر من {jump}. إن كان الجهاز حقيقيًا فوافق عليه لتُستورد الدفعة.</translation>
        </message>
        <message>
            <source>Held: device {device} is not enrolled. Check it, then approve it.</source>
            <translation>بانتظار الموافقة: الجهاز {device} غير مسجَّل. تحقق منه ثم وافق عليه.</translation>
        </message>
        <message>
            <source>Not held: batches of devices you have not enrolled already fill their allowance ({count} batches, {mib} MiB). Enroll or approve the devices you know, then import this batch again.</source>
            <translation>لم توضع بانتظار الموافقة: دفعات الأجهزة غير المسجَّلة ملأت حصتها ({count} دفعة، {mib} ميغابايت). سجِّل الأجهزة التي تعرفها أو وافق عليها، ثم استورد هذه الدفعة من جديد.</translation>
        </message>
        <message>
            <source>{count} of their ids had already come from device {device}; they were kept as this device's own.</source>
            <translation>{count} من معرّفاتها وصلت من قبل من الجهاز {device}، فحُفظت باسم هذا الجهاز.</translation>
        </message>
        <message>
            <source>Imported {count} records.</source>
            <translation>استُورد {count} توقيعًا.</translation>
        </message>
        <message>
            <source>This campaign has no extra consent with that purpose.</source>
            <translation>ليس لهذه الحملة موافقة إضافية بهذا الغرض.</translation>
        </message>
        <message>
            <source>This campaign has no extra consent with that purpose (it has: {purposes}).</source>
            <translation>ليس لهذه الحملة موافقة إضافية بهذا الغرض (موافقاتها: {purposes}).</translation>
        </message>
        <message>
            <source>Record {record}: {reason}</source>
            <translation>التوقيع {record}: {reason}</translation>
        </message>
        <message>
            <source>Waiting for batch {batches} of this device.</source>
            <translation>بانتظار الدفعة {batches} من هذا الجهاز.</translation>
        </message>
        <message>
            <source>{words}</source>
            <translation>{words}</translation>
        </message>
        <message>
            <source>Please check these fields: {fields}.</source>
            <translation>يرجى التحقق من هذه الحقول: {fields}.</translation>
        </message>
        <message>
            <source>{first} {second}</source>
            <translation>{first} {second}</translation>
        </message>
        <message>
            <source>backup file</source>
            <translation>ملف النسخة الاحتياطية</translation>
        </message>
        <message>
            <source>campaign spec</source>
            <translation>مواصفات الحملة</translation>
        </message>
        <message>
            <source>certificate</source>
            <translation>الشهادة</translation>
        </message>
        <message>
            <source>district table</source>
            <translation>جدول الدوائر</translation>
        </message>
        <message>
            <source>shares file</source>
            <translation>ملف الحصص</translation>
        </message>
        <message>
            <source>strokes file</source>
            <translation>ملف التوقيع المرسوم</translation>
        </message>
        <message>
            <source>the batch metadata</source>
            <translation>بيانات الدفعة</translation>
        </message>
        <message>
            <source>the store marker</source>
            <translation>علامة المخزن</translation>
        </message>
        <message>
            <source>the campaign package</source>
            <translation>ملف الحملة</translation>
        </message>
        <message>
            <source>the enrollment request</source>
            <translation>طلب تسجيل الجهاز</translation>
        </message>
        <message>
            <source>No decision was made on this signer.</source>
            <translation>لم يُتَّخذ أي قرار بشأن هذا الموقِّع.</translation>
        </message>
        <message>
            <source>Undo the merge on the signer it was made on.</source>
            <translation>تراجَع عن الدمج من الموقِّع الذي أُجري عليه.</translation>
        </message>
        <message>
            <source>None of the batches named comes from the device with that fingerprint, and no such device has sent a batch or been enrolled: nothing was approved or imported. They are signed by: {devices}. Compare with the fingerprint the device shows.</source>
            <translation>لا تأتي أي من هذه الدفعات من الجهاز صاحب هذه البصمة، ولم يرسل جهاز بهذه البصمة دفعةً ولم يُسجَّل: لم تتم الموافقة على أي جهاز ولم يُستورد أي شيء. الأجهزة التي وقّعت هذه الدفعات: {devices}. قارِن بينها وبين البصمة التي يعرضها الجهاز.</translation>
        </message>
    </context>
    <context>
        <name>EventForm</name>
        <message>
            <source>Start an event</source>
            <translation>بدء فعالية</translation>
        </message>
        <message>
            <source>An event is one rally or stand. Signatures are counted per event.</source>
            <translation>الفعالية هي تجمّع واحد أو منصة واحدة، وتُحصى التواقيع لكل فعالية.</translation>
        </message>
        <message>
            <source>Name of the event</source>
            <translation>اسم الفعالية</translation>
        </message>
        <message>
            <source>For example: Rally at the Capitol</source>
            <translation>مثلًا: تجمّع أمام مبنى الكابيتول</translation>
        </message>
        <message>
            <source>Place</source>
            <translation>المكان</translation>
        </message>
        <message>
            <source>For example: Washington, DC</source>
            <translation>مثلًا: واشنطن العاصمة</translation>
        </message>
        <message>
            <source>Choose a volunteer PIN (4 to 12 digits). It is needed to leave the signing kiosk, so signers cannot leave it by themselves.</source>
            <translation>اختر رمزًا سريًا للمتطوع (من ٤ إلى ١٢ رقمًا). يلزم هذا الرمز لمغادرة شاشة التوقيع، فلا يستطيع الموقِّعون مغادرتها بأنفسهم.</translation>
        </message>
        <message>
            <source>PIN</source>
            <translation>الرمز السري</translation>
        </message>
        <message>
            <source>The same PIN again</source>
            <translation>الرمز السري نفسه مرة أخرى</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>إلغاء</translation>
        </message>
        <message>
            <source>Start the event</source>
            <translation>بدء الفعالية</translation>
        </message>
    </context>
    <context>
        <name>EventScreen</name>
        <message>
            <source>Set the volunteer PIN</source>
            <translation>تعيين الرمز السري للمتطوع</translation>
        </message>
        <message>
            <source>The event “%1” has no volunteer PIN yet.</source>
            <translation>ليس للفعالية «%1» رمز سري للمتطوع بعد.</translation>
        </message>
        <message>
            <source>Set the PIN</source>
            <translation>تعيين الرمز السري</translation>
        </message>
        <message>
            <source>Start an event</source>
            <translation>بدء فعالية</translation>
        </message>
        <message>
            <source>An event is one rally or stand. Signatures are counted per event.</source>
            <translation>الفعالية هي تجمّع واحد أو منصة واحدة، وتُحصى التواقيع لكل فعالية.</translation>
        </message>
        <message>
            <source>Start the event</source>
            <translation>بدء الفعالية</translation>
        </message>
        <message>
            <source>Please give the event a name.</source>
            <translation>يُرجى إعطاء الفعالية اسمًا.</translation>
        </message>
        <message>
            <source>The PIN must be 4 to 12 digits.</source>
            <translation>يجب أن يتكون الرمز السري من ٤ إلى ١٢ رقمًا.</translation>
        </message>
        <message>
            <source>The two PINs are not the same.</source>
            <translation>الرمزان السريان غير متطابقين.</translation>
        </message>
    </context>
    <context>
        <name>FirstRunForm</name>
        <message>
            <source>Welcome to Tomar</source>
            <translation>مرحبًا بك في طومار</translation>
        </message>
        <message>
            <source>First, choose a passphrase for this device. It protects the vault on this computer. Anyone who knows it can open the vault, so do not write it on the laptop. If you forget it, the signatures on this device cannot be opened.</source>
            <translation>اختر أولًا عبارة مرور لهذا الجهاز، فهي تحمي الخزنة على هذا الحاسوب. كل من يعرفها يستطيع فتح الخزنة، فلا تكتبها على الحاسوب المحمول. وإن نسيتها، فلن يمكن فتح التواقيع الموجودة على هذا الجهاز.</translation>
        </message>
        <message>
            <source>Passphrase (at least 8 characters)</source>
            <translation>عبارة المرور (٨ أحرف على الأقل)</translation>
        </message>
        <message>
            <source>The same passphrase again</source>
            <translation>عبارة المرور نفسها مرة أخرى</translation>
        </message>
        <message>
            <source>Create the vault</source>
            <translation>إنشاء الخزنة</translation>
        </message>
        <message>
            <source>Choose the campaign</source>
            <translation>اختيار الحملة</translation>
        </message>
        <message>
            <source>Import the campaign package the organizer gave you (a file ending in .tomar-campaign), or try Tomar with the demo campaign.</source>
            <translation>استورد ملف الحملة الذي أعطاك إياه المنظِّم (ملف ينتهي بـ ‎.tomar-campaign)، أو جرّب طومار بالحملة التجريبية.</translation>
        </message>
        <message>
            <source>Import campaign package…</source>
            <translation>استيراد ملف الحملة…</translation>
        </message>
        <message>
            <source>Try the demo campaign</source>
            <translation>تجربة الحملة التجريبية</translation>
        </message>
        <message>
            <source>Check the organizer fingerprint</source>
            <translation>التحقق من بصمة المنظِّم</translation>
        </message>
        <message>
            <source>DEMO campaign: its key is public. Never collect real signatures with it.</source>
            <translation>حملة تجريبية: مفتاحها علني. لا تجمع بها تواقيع حقيقية أبدًا.</translation>
        </message>
        <message>
            <source>Compare these digits with the fingerprint the organizer gave you in person or by phone. Use this campaign only if every group is the same.</source>
            <translation>قارن هذه الأرقام بالبصمة التي أعطاك إياها المنظِّم شخصيًا أو عبر الهاتف. لا تستخدم هذه الحملة إلا إذا تطابقت كل مجموعة.</translation>
        </message>
        <message>
            <source>The digits match: use this campaign</source>
            <translation>الأرقام متطابقة: استخدم هذه الحملة</translation>
        </message>
        <message>
            <source>They do not match</source>
            <translation>الأرقام غير متطابقة</translation>
        </message>
    </context>
    <context>
        <name>FirstRunScreen</name>
        <message>
            <source>Too short: use at least 8 characters. A few unrelated words are best.</source>
            <translation>قصيرة جدًا: استخدم ٨ أحرف على الأقل. الأفضل بضع كلمات لا رابط بينها.</translation>
        </message>
        <message>
            <source>Weak: longer is better, for example four unrelated words.</source>
            <translation>ضعيفة: كلما طالت كانت أفضل، مثلًا أربع كلمات لا رابط بينها.</translation>
        </message>
        <message>
            <source>Fair. Longer would be better.</source>
            <translation>مقبولة. لو كانت أطول لكانت أفضل.</translation>
        </message>
        <message>
            <source>Strong.</source>
            <translation>قوية.</translation>
        </message>
        <message>
            <source>Use at least 8 characters. A few unrelated words are best.</source>
            <translation>استخدم ٨ أحرف على الأقل. الأفضل بضع كلمات لا رابط بينها.</translation>
        </message>
        <message>
            <source>Please use at least 8 characters.</source>
            <translation>يُرجى استخدام ٨ أحرف على الأقل.</translation>
        </message>
        <message>
            <source>The two passphrases are not the same.</source>
            <translation>عبارتا المرور غير متطابقتين.</translation>
        </message>
        <message>
            <source>Creating the vault…</source>
            <translation>جارٍ إنشاء الخزنة…</translation>
        </message>
        <message>
            <source>Campaign package</source>
            <translation>ملف الحملة</translation>
        </message>
        <message>
            <source>Campaign packages (*.tomar-campaign);;All files (*)</source>
            <translation>ملفات الحملات (*.tomar-campaign);;كل الملفات (*)</translation>
        </message>
        <message>
            <source>That file cannot be read.</source>
            <translation>تعذّرت قراءة هذا الملف.</translation>
        </message>
        <message>
            <source>That file is too large.</source>
            <translation>هذا الملف كبير جدًا.</translation>
        </message>
        <message>
            <source>Nothing was imported. Ask the organizer for the right package.</source>
            <translation>لم يُستورد أي شيء. اطلب من المنظِّم الملف الصحيح.</translation>
        </message>
    </context>
    <context>
        <name>HomeForm</name>
        <message>
            <source>DEMO</source>
            <translation>تجريبية</translation>
        </message>
        <message>
            <source>Signatures today</source>
            <translation>تواقيع اليوم</translation>
        </message>
        <message>
            <source>At this event</source>
            <translation>في هذه الفعالية</translation>
        </message>
        <message>
            <source>In total</source>
            <translation>المجموع</translation>
        </message>
        <message>
            <source>Waiting for export</source>
            <translation>بانتظار التصدير</translation>
        </message>
        <message>
            <source>Start an event</source>
            <translation>بدء فعالية</translation>
        </message>
        <message>
            <source>End the event</source>
            <translation>إنهاء الفعالية</translation>
        </message>
        <message>
            <source>Open the signing kiosk</source>
            <translation>فتح شاشة التوقيع</translation>
        </message>
        <message>
            <source>Type in paper sheets</source>
            <translation>إدخال الأوراق المطبوعة</translation>
        </message>
        <message>
            <source>Records</source>
            <translation>التواقيع</translation>
        </message>
        <message>
            <source>Export a batch…</source>
            <translation>تصدير دفعة…</translation>
        </message>
        <message>
            <source>Settings</source>
            <translation>الإعدادات</translation>
        </message>
        <message>
            <source>Ctrl+Shift+L locks at once.</source>
            <translation>الاختصار Ctrl+Shift+L يقفل فورًا.</translation>
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
            <translation>لا توجد فعالية جارية. ابدأ فعالية لجمع التواقيع.</translation>
        </message>
        <message>
            <source>Event: %1 — %2</source>
            <translation>الفعالية: %1 — %2</translation>
        </message>
        <message>
            <source>Event: %1</source>
            <translation>الفعالية: %1</translation>
        </message>
        <message>
            <source>End the event?</source>
            <translation>إنهاء الفعالية؟</translation>
        </message>
        <message>
            <source>The kiosk closes and its PIN is forgotten. The signatures stay.</source>
            <translation>تُغلق شاشة التوقيع ويُمحى رمزها السري، وتبقى التواقيع محفوظة.</translation>
        </message>
        <message>
            <source>End the event</source>
            <translation>إنهاء الفعالية</translation>
        </message>
    </context>
    <context>
        <name>Kiosk</name>
        <message>
            <source>Your details (fields marked * are required)</source>
            <translation>بياناتك (الخانات المعلَّمة بـ * مطلوبة)</translation>
        </message>
        <message>
            <source>*</source>
            <translation>*</translation>
        </message>
        <message>
            <source>To: %1</source>
            <translation>إلى: %1</translation>
        </message>
        <message>
            <source>Your signature</source>
            <translation>توقيعك</translation>
        </message>
        <message>
            <source>Sign here with your finger, a pen or the mouse</source>
            <translation>وقّع هنا بإصبعك أو بقلم أو بالفأرة</translation>
        </message>
        <message>
            <source>I agree</source>
            <translation>أوافق</translation>
        </message>
        <message>
            <source>How should your name appear on the public petition sheets?</source>
            <translation>كيف تريد أن يظهر اسمك في أوراق العريضة العلنية؟</translation>
        </message>
        <message>
            <source>Full name</source>
            <translation>الاسم الكامل</translation>
        </message>
        <message>
            <source>Initials only</source>
            <translation>الأحرف الأولى فقط (مثلًا: م. ع.)</translation>
        </message>
        <message>
            <source>Not shown</source>
            <translation>لا يظهر</translation>
        </message>
        <message>
            <source>Thank you!</source>
            <translation>شكرًا لك!</translation>
        </message>
        <message>
            <source>Your signature is saved and sealed. Only the organizers of this petition can read it.</source>
            <translation>حُفظ توقيعك مشفّرًا، ولا يستطيع قراءته إلا منظِّمو هذه العريضة.</translation>
        </message>
        <message>
            <source>Please check the marked parts of the form.</source>
            <translation>يُرجى مراجعة الأجزاء المعلَّمة من النموذج.</translation>
        </message>
        <message>
            <source>Signatures at this event: %1</source>
            <translation>التواقيع في هذه الفعالية: %1</translation>
        </message>
        <message>
            <source>Clear the last line</source>
            <translation>مسح الخط الأخير</translation>
        </message>
        <message>
            <source>Clear the signature</source>
            <translation>مسح التوقيع</translation>
        </message>
        <message>
            <source>Submit my signature</source>
            <translation>إرسال توقيعي</translation>
        </message>
        <message>
            <source>Read the petition</source>
            <translation>قراءة العريضة</translation>
        </message>
        <message>
            <source>Hide the petition text</source>
            <translation>إخفاء نص العريضة</translation>
        </message>
        <message>
            <source>Signature pad</source>
            <translation>لوحة التوقيع</translation>
        </message>
        <message>
            <source>Draw your signature here with a finger, a pen or the mouse.</source>
            <translation>ارسم توقيعك هنا بإصبعك أو بالقلم أو بالفأرة.</translation>
        </message>
        <message>
            <source>Required</source>
            <translation>مطلوبة</translation>
        </message>
        <message>
            <source>Saves your signature, sealed so that only the organizers can read it.</source>
            <translation>يحفظ توقيعك مشفَّرًا بحيث لا يقرؤه إلا المنظِّمون.</translation>
        </message>
        <message numerus="yes">
            <source>Are you still there? This form will be cleared in %Ln seconds. Touch the screen to continue.</source>
            <translation>
                <numerusform>هل ما زلت هنا؟ سيُمسح هذا النموذج الآن. يُرجى لمس الشاشة للمتابعة.</numerusform>
                <numerusform>هل ما زلت هنا؟ سيُمسح هذا النموذج بعد ثانية واحدة. يُرجى لمس الشاشة للمتابعة.</numerusform>
                <numerusform>هل ما زلت هنا؟ سيُمسح هذا النموذج بعد ثانيتين. يُرجى لمس الشاشة للمتابعة.</numerusform>
                <numerusform>هل ما زلت هنا؟ سيُمسح هذا النموذج بعد %Ln ثوانٍ. يُرجى لمس الشاشة للمتابعة.</numerusform>
                <numerusform>هل ما زلت هنا؟ سيُمسح هذا النموذج بعد %Ln ثانية. يُرجى لمس الشاشة للمتابعة.</numerusform>
                <numerusform>هل ما زلت هنا؟ سيُمسح هذا النموذج بعد %Ln ثانية. يُرجى لمس الشاشة للمتابعة.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>KioskForm</name>
        <message>
            <source>Volunteer</source>
            <translation>المتطوع</translation>
        </message>
        <message>
            <source>Back to signing</source>
            <translation>العودة إلى التوقيع</translation>
        </message>
        <message>
            <source>Void the last entry…</source>
            <translation>إبطال الإدخال الأخير…</translation>
        </message>
        <message>
            <source>Leave the kiosk</source>
            <translation>مغادرة شاشة التوقيع</translation>
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
            <translation>هذا الرمز السري غير صحيح.</translation>
        </message>
        <message>
            <source>At this event: %1 · Today: %2 · In total: %3</source>
            <translation>في هذه الفعالية: %1 · اليوم: %2 · المجموع: %3</translation>
        </message>
        <message>
            <source>Void the last entry?</source>
            <translation>إبطال الإدخال الأخير؟</translation>
        </message>
        <message>
            <source>Use this when the last signer asks to withdraw, or for a test entry. The entry is marked void for the organizer; it cannot be undone.</source>
            <translation>استخدم هذا حين يطلب آخر موقِّع سحب توقيعه، أو لإدخال تجريبي. يُعلَّم الإدخال باطلًا لدى المنظِّم، ولا يمكن التراجع عن ذلك.</translation>
        </message>
        <message>
            <source>Void it</source>
            <translation>إبطاله</translation>
        </message>
        <message>
            <source>The last entry was voided.</source>
            <translation>أُبطل الإدخال الأخير.</translation>
        </message>
        <message numerus="yes">
            <source>Too many wrong PINs. Wait %Ln seconds.</source>
            <translation>
                <numerusform>أُدخل رمز سري خاطئ مرات كثيرة. يُرجى الانتظار قليلًا.</numerusform>
                <numerusform>أُدخل رمز سري خاطئ مرات كثيرة. يُرجى الانتظار ثانية واحدة.</numerusform>
                <numerusform>أُدخل رمز سري خاطئ مرات كثيرة. يُرجى الانتظار ثانيتين.</numerusform>
                <numerusform>أُدخل رمز سري خاطئ مرات كثيرة. يُرجى الانتظار %Ln ثوانٍ.</numerusform>
                <numerusform>أُدخل رمز سري خاطئ مرات كثيرة. يُرجى الانتظار %Ln ثانية.</numerusform>
                <numerusform>أُدخل رمز سري خاطئ مرات كثيرة. يُرجى الانتظار %Ln ثانية.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Too many wrong PINs. The PIN you typed will be checked in %Ln seconds.</source>
            <translation>
                <numerusform>أُدخل رمز سري خاطئ مرات كثيرة. سيُتحقَّق من الرمز الذي كتبته الآن.</numerusform>
                <numerusform>أُدخل رمز سري خاطئ مرات كثيرة. سيُتحقَّق من الرمز الذي كتبته بعد ثانية واحدة.</numerusform>
                <numerusform>أُدخل رمز سري خاطئ مرات كثيرة. سيُتحقَّق من الرمز الذي كتبته بعد ثانيتين.</numerusform>
                <numerusform>أُدخل رمز سري خاطئ مرات كثيرة. سيُتحقَّق من الرمز الذي كتبته بعد %Ln ثوانٍ.</numerusform>
                <numerusform>أُدخل رمز سري خاطئ مرات كثيرة. سيُتحقَّق من الرمز الذي كتبته بعد %Ln ثانية.</numerusform>
                <numerusform>أُدخل رمز سري خاطئ مرات كثيرة. سيُتحقَّق من الرمز الذي كتبته بعد %Ln ثانية.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>PaperForm</name>
        <message>
            <source>Type in a paper sheet</source>
            <translation>إدخال ورقة مطبوعة</translation>
        </message>
        <message>
            <source>Type each row as it is written on the sheet. Each row is sealed for the organizer when you save it, like a signature in the kiosk.</source>
            <translation>اكتب كل صف كما هو مكتوب في الورقة. يُشفَّر كل صف للمنظِّم عند حفظه، مثل التوقيع في شاشة التوقيع.</translation>
        </message>
        <message>
            <source>Sheet number</source>
            <translation>رقم الورقة</translation>
        </message>
        <message>
            <source>For example: A-0012</source>
            <translation>مثلًا: A-0012</translation>
        </message>
        <message>
            <source>Row</source>
            <translation>الصف</translation>
        </message>
        <message>
            <source>Sheet language</source>
            <translation>لغة الورقة</translation>
        </message>
        <message>
            <source>The signer ticked the consent box on the sheet</source>
            <translation>وضع الموقِّع علامة في خانة الموافقة على الورقة</translation>
        </message>
        <message>
            <source>Name on public sheets:</source>
            <translation>الاسم في الأوراق العلنية:</translation>
        </message>
        <message>
            <source>Full name</source>
            <translation>الاسم الكامل</translation>
        </message>
        <message>
            <source>Initials only</source>
            <translation>الأحرف الأولى فقط (مثلًا: م. ع.)</translation>
        </message>
        <message>
            <source>Hidden</source>
            <translation>لا يظهر</translation>
        </message>
        <message>
            <source>Back</source>
            <translation>رجوع</translation>
        </message>
        <message>
            <source>Save and seal this row</source>
            <translation>حفظ هذا الصف مشفّرًا</translation>
        </message>
        <message>
            <source>Blank sheets to hand out</source>
            <translation>أوراق فارغة للتوزيع</translation>
        </message>
        <message>
            <source>Sheets</source>
            <translation>الأوراق</translation>
        </message>
        <message>
            <source>Language</source>
            <translation>اللغة</translation>
        </message>
        <message>
            <source>Save as PDF…</source>
            <translation>حفظ بصيغة PDF…</translation>
        </message>
        <message>
            <source>Open to print</source>
            <translation>فتح للطباعة</translation>
        </message>
    </context>
    <context>
        <name>PaperScreen</name>
        <message>
            <source>Row %1 of sheet %2 was already entered.</source>
            <translation>الصف %1 من الورقة %2 أُدخل من قبل.</translation>
        </message>
        <message>
            <source>Not saved. Please check the marked fields.</source>
            <translation>لم يُحفظ. يُرجى مراجعة الخانات المعلَّمة.</translation>
        </message>
        <message>
            <source>Row %1 of sheet %2 is saved and sealed.</source>
            <translation>حُفظ الصف %1 من الورقة %2 مشفّرًا.</translation>
        </message>
        <message>
            <source>Where to save the blank sheets</source>
            <translation>أين تُحفظ الأوراق الفارغة؟</translation>
        </message>
        <message>
            <source>Writing the blank sheets…</source>
            <translation>جارٍ إنشاء الأوراق الفارغة…</translation>
        </message>
        <message>
            <source>The sheets are open in your PDF viewer: print them from there.</source>
            <translation>الأوراق مفتوحة في عارض PDF لديك: اطبعها من هناك.</translation>
        </message>
        <message>
            <source>Blank sheets saved: %1</source>
            <translation>حُفظت الأوراق الفارغة: %1</translation>
        </message>
        <message>
            <source>Required</source>
            <translation>مطلوبة</translation>
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
            <translation>تغيير عبارة المرور</translation>
        </message>
        <message>
            <source>The vault is copied under a new key: a copy of the old key file with the old passphrase will open nothing. This takes a moment.</source>
            <translation>تُنسخ الخزنة تحت مفتاح جديد: لن تفتح نسخةٌ من ملف المفتاح القديم مع عبارة المرور القديمة أيَّ شيء. يستغرق هذا لحظات.</translation>
        </message>
        <message>
            <source>Current passphrase</source>
            <translation>عبارة المرور الحالية</translation>
        </message>
        <message>
            <source>New passphrase</source>
            <translation>عبارة المرور الجديدة</translation>
        </message>
        <message>
            <source>Repeat the new passphrase</source>
            <translation>أعِد كتابة عبارة المرور الجديدة</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>إلغاء</translation>
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
            <translation>الرمز السري للمتطوع</translation>
        </message>
        <message>
            <source>Enter the volunteer PIN of this event.</source>
            <translation>أدخل الرمز السري للمتطوع الخاص بهذه الفعالية.</translation>
        </message>
        <message>
            <source>PIN</source>
            <translation>الرمز السري</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>إلغاء</translation>
        </message>
        <message>
            <source>OK</source>
            <translation>موافق</translation>
        </message>
    </context>
    <context>
        <name>RecordsForm</name>
        <message>
            <source>Sync now</source>
            <translation>المزامنة الآن</translation>
        </message>
        <message>
            <source>Records on this device</source>
            <translation>التواقيع على هذا الجهاز</translation>
        </message>
        <message>
            <source>Only times, events and status are shown. Names and other details are sealed for the organizer: this device cannot read them.</source>
            <translation>لا يظهر هنا إلا الأوقات والفعاليات والحالة. أما الأسماء والبيانات الأخرى فمشفّرة للمنظِّم، ولا يستطيع هذا الجهاز قراءتها.</translation>
        </message>
        <message>
            <source>Back</source>
            <translation>رجوع</translation>
        </message>
        <message>
            <source>Cancel export</source>
            <translation>إلغاء التصدير</translation>
        </message>
        <message>
            <source>Export a batch…</source>
            <translation>تصدير دفعة…</translation>
        </message>
    </context>
    <context>
        <name>RecordsScreen</name>
        <message>
            <source>never</source>
            <translation>لم تتم بعد</translation>
        </message>
        <message>
            <source>Last successful sync: %1. Batches waiting for a receipt: %2.</source>
            <translation>آخر مزامنة ناجحة: %1. الدفعات التي تنتظر إيصالًا: %2.</translation>
        </message>
        <message>
            <source>Sync through folder</source>
            <translation>المزامنة عبر مجلد</translation>
        </message>
        <message>
            <source>Syncing…</source>
            <translation>جارٍ المزامنة…</translation>
        </message>
        <message>
            <source>Sync cancelled. Nothing was lost.</source>
            <translation>أُلغيت المزامنة، ولم يُفقد أي شيء.</translation>
        </message>
        <message>
            <source>New records sent: %1. Records the organizer confirmed: %2.</source>
            <translation>التواقيع الجديدة المرسلة: %1. التواقيع التي أكّدها المنظِّم: %2.</translation>
        </message>
        <message>
            <source>Time</source>
            <translation>الوقت</translation>
        </message>
        <message>
            <source>Event</source>
            <translation>الفعالية</translation>
        </message>
        <message>
            <source>Source</source>
            <translation>المصدر</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>الحالة</translation>
        </message>
        <message>
            <source>Exported</source>
            <translation>التصدير</translation>
        </message>
        <message>
            <source>Kiosk</source>
            <translation>شاشة التوقيع</translation>
        </message>
        <message>
            <source>Paper</source>
            <translation>ورقي</translation>
        </message>
        <message>
            <source>Command line</source>
            <translation>سطر الأوامر</translation>
        </message>
        <message>
            <source>Void note</source>
            <translation>سجل إبطال</translation>
        </message>
        <message>
            <source>Voided</source>
            <translation>مُبطَل</translation>
        </message>
        <message>
            <source>Valid</source>
            <translation>صالح</translation>
        </message>
        <message>
            <source>No</source>
            <translation>لم يُصدَّر بعد</translation>
        </message>
        <message>
            <source>Batch %1</source>
            <translation>الدفعة %1</translation>
        </message>
        <message>
            <source>Export to folder</source>
            <translation>التصدير إلى مجلد</translation>
        </message>
        <message>
            <source>Exporting…</source>
            <translation>جارٍ التصدير…</translation>
        </message>
        <message>
            <source>Cancelling…</source>
            <translation>جارٍ الإلغاء…</translation>
        </message>
        <message numerus="yes">
            <source>%Ln valid signatures.</source>
            <translation>
                <numerusform>لا توجد تواقيع صالحة.</numerusform>
                <numerusform>توقيع صالح واحد.</numerusform>
                <numerusform>توقيعان صالحان.</numerusform>
                <numerusform>%Ln تواقيع صالحة.</numerusform>
                <numerusform>%Ln توقيعًا صالحًا.</numerusform>
                <numerusform>%Ln توقيع صالح.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Batch %1 with %Ln records written to %2</source>
            <translation>
                <numerusform>كُتبت الدفعة %1، وليس فيها أي توقيع، في: %2</numerusform>
                <numerusform>كُتبت الدفعة %1، وفيها توقيع واحد، في: %2</numerusform>
                <numerusform>كُتبت الدفعة %1، وفيها توقيعان، في: %2</numerusform>
                <numerusform>كُتبت الدفعة %1، وفيها %Ln تواقيع، في: %2</numerusform>
                <numerusform>كُتبت الدفعة %1، وفيها %Ln توقيعًا، في: %2</numerusform>
                <numerusform>كُتبت الدفعة %1، وفيها %Ln توقيع، في: %2</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln waiting for export.</source>
            <translation>
                <numerusform>لا شيء ينتظر التصدير.</numerusform>
                <numerusform>توقيع واحد ينتظر التصدير.</numerusform>
                <numerusform>توقيعان ينتظران التصدير.</numerusform>
                <numerusform>%Ln تواقيع تنتظر التصدير.</numerusform>
                <numerusform>%Ln توقيعًا تنتظر التصدير.</numerusform>
                <numerusform>%Ln توقيع تنتظر التصدير.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>SettingsForm</name>
        <message>
            <source>Settings</source>
            <translation>الإعدادات</translation>
        </message>
        <message>
            <source>This device</source>
            <translation>هذا الجهاز</translation>
        </message>
        <message>
            <source>Interface language</source>
            <translation>لغة الواجهة</translation>
        </message>
        <message>
            <source>Lock after this many minutes without use</source>
            <translation>القفل بعد هذا العدد من الدقائق دون استخدام</translation>
        </message>
        <message>
            <source>Text size</source>
            <translation>حجم النص</translation>
        </message>
        <message>
            <source>Large text</source>
            <translation>نص كبير</translation>
        </message>
        <message>
            <source>About</source>
            <translation>عن طومار</translation>
        </message>
        <message>
            <source>Version</source>
            <translation>الإصدار</translation>
        </message>
        <message>
            <source>Campaign</source>
            <translation>الحملة</translation>
        </message>
        <message>
            <source>Device fingerprint</source>
            <translation>بصمة الجهاز</translation>
        </message>
        <message>
            <source>Organizer fingerprint</source>
            <translation>بصمة المنظِّم</translation>
        </message>
        <message>
            <source>Vault folder</source>
            <translation>مجلد الخزنة</translation>
        </message>
        <message>
            <source>Back</source>
            <translation>رجوع</translation>
        </message>
        <message>
            <source>Save</source>
            <translation>حفظ</translation>
        </message>
        <message>
            <source>Vault passphrase</source>
            <translation>عبارة مرور الخزنة</translation>
        </message>
        <message>
            <source>Change passphrase…</source>
            <translation>تغيير عبارة المرور…</translation>
        </message>
    </context>
    <context>
        <name>SettingsScreen</name>
        <message>
            <source>%1 (DEMO: never collect real signatures)</source>
            <translation>%1 (تجريبية: لا تجمع بها تواقيع حقيقية أبدًا)</translation>
        </message>
        <message>
            <source>Saved.</source>
            <translation>حُفظ.</translation>
        </message>
        <message>
            <source>Type the current passphrase.</source>
            <translation>اكتب عبارة المرور الحالية.</translation>
        </message>
        <message>
            <source>The two new passphrases are not the same.</source>
            <translation>عبارتا المرور الجديدتان غير متطابقتين.</translation>
        </message>
        <message>
            <source>Changing the passphrase: the vault is being copied…</source>
            <translation>جارٍ تغيير عبارة المرور: تُنسخ الخزنة الآن…</translation>
        </message>
        <message>
            <source>The current passphrase is not correct. Nothing was changed.</source>
            <translation>عبارة المرور الحالية غير صحيحة. لم يتغيّر شيء.</translation>
        </message>
        <message>
            <source>Passphrase changed. The vault was copied under a new key: use the new passphrase from now on.</source>
            <translation>تغيّرت عبارة المرور. نُسخت الخزنة تحت مفتاح جديد: استخدم عبارة المرور الجديدة من الآن فصاعدًا.</translation>
        </message>
    </context>
    <context>
        <name>UnlockForm</name>
        <message>
            <source>The vault is locked</source>
            <translation>الخزنة مقفلة</translation>
        </message>
        <message>
            <source>Enter the passphrase of this device to continue.</source>
            <translation>أدخل عبارة المرور الخاصة بهذا الجهاز للمتابعة.</translation>
        </message>
        <message>
            <source>Passphrase</source>
            <translation>عبارة المرور</translation>
        </message>
        <message>
            <source>Unlock</source>
            <translation>فتح القفل</translation>
        </message>
    </context>
    <context>
        <name>UnlockScreen</name>
        <message>
            <source>Unlocking…</source>
            <translation>جارٍ فتح القفل…</translation>
        </message>
        <message>
            <source>That passphrase is not right. Please try again.</source>
            <translation>عبارة المرور هذه غير صحيحة. يُرجى المحاولة مرة أخرى.</translation>
        </message>
        <message>
            <source>Your vault was upgraded for this version of Tomar.</source>
            <translation>حُدِّثت خزنتك لتعمل مع هذا الإصدار من طومار.</translation>
        </message>
        <message>
            <source>A copy from before the upgrade is kept beside it: %1. The earlier version of Tomar opens it with the same passphrase. The copy is deleted the next time the vault gets a new key, for example when you change the passphrase.</source>
            <translation>احتُفظ بجانبها بنسخة منها كما كانت قبل التحديث: %1. يفتحها الإصدار السابق من طومار بعبارة المرور نفسها. تُحذف هذه النسخة في المرة القادمة التي تحصل فيها الخزنة على مفتاح جديد، كأن تغيّر عبارة المرور.</translation>
        </message>
    </context>
    <context>
        <name>OrganizerEntry</name>
        <message>
            <source>I am the organizer: create a campaign</source>
            <translation>أنا المنظِّم: إنشاء حملة</translation>
        </message>
    </context>
    <context>
        <name>CreateCampaignScreen</name>
        <message>
            <source>Strongest protection (recommended)</source>
            <translation>أقوى حماية (موصى بها)</translation>
        </message>
        <message>
            <source>Classic, for older versions of the age tool</source>
            <translation>تقليدي، للإصدارات الأقدم من أداة age</translation>
        </message>
        <message>
            <source>Making the keys…</source>
            <translation>جارٍ إنشاء المفاتيح…</translation>
        </message>
        <message>
            <source>Where to save the key backup</source>
            <translation>أين تُحفظ النسخة الاحتياطية للمفتاح؟</translation>
        </message>
        <message>
            <source>Where to save the recovery shares</source>
            <translation>أين تُحفظ حصص الاستعادة؟</translation>
        </message>
        <message>
            <source>Where to save the campaign package</source>
            <translation>أين يُحفظ ملف الحملة؟</translation>
        </message>
        <message>
            <source>Please give the organizer a name.</source>
            <translation>يُرجى إعطاء المنظِّم اسمًا.</translation>
        </message>
        <message>
            <source>The two passphrases are not the same.</source>
            <translation>عبارتا المرور غير متطابقتين.</translation>
        </message>
        <message>
            <source>The backup passphrase must have at least 8 characters.</source>
            <translation>يجب أن تتكون عبارة مرور النسخة الاحتياطية من ٨ أحرف على الأقل.</translation>
        </message>
        <message>
            <source>K cannot be larger than N.</source>
            <translation>لا يمكن أن يكون K أكبر من N.</translation>
        </message>
        <message>
            <source>✓ Saved.</source>
            <translation>✓ حُفظت.</translation>
        </message>
        <message>
            <source>Step %1 of 3</source>
            <translation>الخطوة %1 من ٣</translation>
        </message>
        <message>
            <source>Saved: %1</source>
            <translation>حُفظ: %1</translation>
        </message>
        <message>
            <source>How the signatures are locked so that only your key opens them. The recommended choice stays safe even against the quantum computers of the future; choose the classic one only if your campaign must be opened with an old version of the age tool.</source>
            <translation>طريقة تشفير التواقيع بحيث لا يفتحها إلا مفتاحك. يبقى الخيار الموصى به آمنًا حتى أمام الحواسيب الكمّية المستقبلية؛ لا تختر التقليدي إلا إذا كان يجب فتح حملتك بإصدار قديم من أداة age.</translation>
        </message>
        <message numerus="yes">
            <source>✓ Saved for printing: %Ln sheets, any %1 of them restore the key.</source>
            <translation>
                <numerusform>✓ حُفظت للطباعة: لا أوراق؛ وأيّ %1 منها تكفي لاستعادة المفتاح.</numerusform>
                <numerusform>✓ حُفظت للطباعة: ورقة واحدة تكفي وحدها لاستعادة المفتاح (%1 من ١).</numerusform>
                <numerusform>✓ حُفظت للطباعة: ورقتان؛ وأيّ %1 منهما تكفي لاستعادة المفتاح.</numerusform>
                <numerusform>✓ حُفظت للطباعة: %Ln أوراق؛ وأيّ %1 منها تكفي لاستعادة المفتاح.</numerusform>
                <numerusform>✓ حُفظت للطباعة: %Ln ورقةً؛ وأيّ %1 منها تكفي لاستعادة المفتاح.</numerusform>
                <numerusform>✓ حُفظت للطباعة: %Ln ورقة؛ وأيّ %1 منها تكفي لاستعادة المفتاح.</numerusform>
            </translation>
        </message>
        <message>
            <source>Also in %1</source>
            <translation>باللغة %1 أيضًا</translation>
        </message>
    </context>
    <context>
        <name>DevicesTab</name>
        <message>
            <source>Enrolled</source>
            <translation>مسجَّل</translation>
        </message>
        <message>
            <source>Approved</source>
            <translation>موافَق عليه</translation>
        </message>
        <message>
            <source>Revoked</source>
            <translation>أُلغي اعتماده</translation>
        </message>
        <message>
            <source>Held</source>
            <translation>بانتظار الموافقة</translation>
        </message>
        <message>
            <source>Unknown</source>
            <translation>غير معروف</translation>
        </message>
        <message>
            <source>Enrollment request</source>
            <translation>طلب تسجيل جهاز</translation>
        </message>
        <message>
            <source>Enrollment requests (*.tomar-request *.json);;All files (*)</source>
            <translation>طلبات تسجيل الأجهزة (*.tomar-request *.json);;كل الملفات (*)</translation>
        </message>
        <message>
            <source>Revoke this device?</source>
            <translation>إلغاء اعتماد هذا الجهاز؟</translation>
        </message>
        <message>
            <source>Its next batches will be rejected. What was imported stays.</source>
            <translation>ستُرفض دفعاته التالية، ويبقى ما استُورد منها.</translation>
        </message>
        <message>
            <source>Revoke</source>
            <translation>إلغاء الاعتماد</translation>
        </message>
        <message>
            <source>Choose a device first.</source>
            <translation>اختر جهازًا أولًا.</translation>
        </message>
        <message>
            <source>That file cannot be read.</source>
            <translation>تعذّرت قراءة هذا الملف.</translation>
        </message>
        <message>
            <source>Device %1 revoked.</source>
            <translation>أُلغي اعتماد الجهاز %1.</translation>
        </message>
        <message>
            <source>Device %1 enrolled. Give it the certificate %2.</source>
            <translation>سُجِّل الجهاز %1. أعطه الشهادة %2.</translation>
        </message>
    </context>
    <context>
        <name>IntakeTab</name>
        <message>
            <source>Batch file</source>
            <translation>ملف دفعة</translation>
        </message>
        <message>
            <source>Batches (*.tomar-batch);;All files (*)</source>
            <translation>الدفعات (*.tomar-batch);;كل الملفات (*)</translation>
        </message>
        <message>
            <source>Importing…</source>
            <translation>جارٍ الاستيراد…</translation>
        </message>
        <message>
            <source>Folder to watch</source>
            <translation>المجلد المراد مراقبته</translation>
        </message>
        <message>
            <source>Pulling…</source>
            <translation>جارٍ الجلب…</translation>
        </message>
        <message>
            <source>Please wait for the current work to finish.</source>
            <translation>يُرجى الانتظار حتى ينتهي العمل الجاري.</translation>
        </message>
        <message>
            <source>Give a server address or a folder.</source>
            <translation>حدّد عنوان خادم أو مجلدًا.</translation>
        </message>
        <message>
            <source>Choose a device first.</source>
            <translation>اختر جهازًا أولًا.</translation>
        </message>
        <message>
            <source>Imported</source>
            <translation>مستورَدة</translation>
        </message>
        <message>
            <source>Already imported</source>
            <translation>مستورَدة من قبل</translation>
        </message>
        <message>
            <source>Held: device not enrolled</source>
            <translation>بانتظار الموافقة: الجهاز غير مسجَّل</translation>
        </message>
        <message>
            <source>Rejected</source>
            <translation>مرفوضة</translation>
        </message>
        <message>
            <source>Watching %1 for new batches.</source>
            <translation>تجري مراقبة %1 بحثًا عن دفعات جديدة.</translation>
        </message>
        <message>
            <source>Cancelled.</source>
            <translation>أُلغي.</translation>
        </message>
        <message>
            <source>Held batch %1 of the approved device</source>
            <translation>الدفعة %1 التي كانت بانتظار الموافقة، من الجهاز الذي وافقت عليه</translation>
        </message>
        <message>
            <source>Held batch of the approved device</source>
            <translation>دفعة كانت بانتظار الموافقة، من الجهاز الذي وافقت عليه</translation>
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
                <numerusform>لم تصل أي دفعة جديدة</numerusform>
                <numerusform>وصلت دفعة جديدة واحدة</numerusform>
                <numerusform>وصلت دفعتان جديدتان</numerusform>
                <numerusform>وصلت %Ln دفعات جديدة</numerusform>
                <numerusform>وصلت %Ln دفعةً جديدةً</numerusform>
                <numerusform>وصلت %Ln دفعة جديدة</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln imported</source>
            <translation>
                <numerusform>لم تُستورد أي دفعة</numerusform>
                <numerusform>استُوردت دفعة واحدة</numerusform>
                <numerusform>استُوردت دفعتان</numerusform>
                <numerusform>استُوردت %Ln دفعات</numerusform>
                <numerusform>استُوردت %Ln دفعةً</numerusform>
                <numerusform>استُوردت %Ln دفعة</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln already imported</source>
            <translation>
                <numerusform>لم يسبق استيراد أي دفعة</numerusform>
                <numerusform>سبق استيراد دفعة واحدة</numerusform>
                <numerusform>سبق استيراد دفعتين</numerusform>
                <numerusform>سبق استيراد %Ln دفعات</numerusform>
                <numerusform>سبق استيراد %Ln دفعةً</numerusform>
                <numerusform>سبق استيراد %Ln دفعة</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln held until you approve their device</source>
            <translation>
                <numerusform>لا دفعات بانتظار الموافقة</numerusform>
                <numerusform>دفعة واحدة بانتظار موافقتك على جهازها</numerusform>
                <numerusform>دفعتان بانتظار موافقتك على جهازهما</numerusform>
                <numerusform>%Ln دفعات بانتظار موافقتك على أجهزتها</numerusform>
                <numerusform>%Ln دفعةً بانتظار موافقتك على أجهزتها</numerusform>
                <numerusform>%Ln دفعة بانتظار موافقتك على أجهزتها</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln rejected</source>
            <translation>
                <numerusform>لم تُرفض أي دفعة</numerusform>
                <numerusform>رُفضت دفعة واحدة</numerusform>
                <numerusform>رُفضت دفعتان</numerusform>
                <numerusform>رُفضت %Ln دفعات</numerusform>
                <numerusform>رُفضت %Ln دفعةً</numerusform>
                <numerusform>رُفضت %Ln دفعة</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln receipts sent</source>
            <translation>
                <numerusform>لم يُرسل أي إيصال</numerusform>
                <numerusform>أُرسل إيصال واحد</numerusform>
                <numerusform>أُرسل إيصالان</numerusform>
                <numerusform>أُرسلت %Ln إيصالات</numerusform>
                <numerusform>أُرسل %Ln إيصالًا</numerusform>
                <numerusform>أُرسل %Ln إيصال</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>OrgCreateForm</name>
        <message>
            <source>Create a campaign</source>
            <translation>إنشاء حملة</translation>
        </message>
        <message>
            <source>Lock</source>
            <translation>قفل</translation>
        </message>
        <message>
            <source>Organizer (shown to volunteers)</source>
            <translation>المنظِّم (يظهر للمتطوعين)</translation>
        </message>
        <message>
            <source>Encryption</source>
            <translation>التشفير</translation>
        </message>
        <message>
            <source>Languages</source>
            <translation>اللغات</translation>
        </message>
        <message>
            <source>End date</source>
            <translation>تاريخ الانتهاء</translation>
        </message>
        <message>
            <source>A drawn signature is required</source>
            <translation>التوقيع المرسوم مطلوب</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>العنوان</translation>
        </message>
        <message>
            <source>Addressed to</source>
            <translation>موجَّهة إلى</translation>
        </message>
        <message>
            <source>Petition text</source>
            <translation>نص العريضة</translation>
        </message>
        <message>
            <source>Consent text</source>
            <translation>نص الموافقة</translation>
        </message>
        <message>
            <source>Form fields</source>
            <translation>خانات النموذج</translation>
        </message>
        <message>
            <source>Field</source>
            <translation>الخانة</translation>
        </message>
        <message>
            <source>Ask</source>
            <translation>تُطلب</translation>
        </message>
        <message>
            <source>Required</source>
            <translation>مطلوبة</translation>
        </message>
        <message>
            <source>Check and create the organizer keys</source>
            <translation>التحقق وإنشاء مفاتيح المنظِّم</translation>
        </message>
        <message>
            <source>Kiosk preview</source>
            <translation>معاينة شاشة التوقيع</translation>
        </message>
        <message>
            <source>Back up the organizer key now. If it is lost, every signature of the campaign is lost with it. Both backups are needed before the campaign can be exported.</source>
            <translation>احفظ الآن نسخة احتياطية من مفتاح المنظِّم. إن ضاع، ضاع معه كل توقيع في الحملة. يلزم حفظ النسختين الاحتياطيتين كلتيهما قبل أن يمكن تصدير الحملة.</translation>
        </message>
        <message>
            <source>Organizer key fingerprint (its identity code)</source>
            <translation>بصمة مفتاح المنظِّم (رمز تعريفه)</translation>
        </message>
        <message>
            <source>1. Key file protected by a passphrase</source>
            <translation>١. ملف مفتاح محمي بعبارة مرور</translation>
        </message>
        <message>
            <source>Backup passphrase</source>
            <translation>عبارة مرور النسخة الاحتياطية</translation>
        </message>
        <message>
            <source>Repeat it</source>
            <translation>تكرار عبارة المرور</translation>
        </message>
        <message>
            <source>Save the key backup…</source>
            <translation>حفظ النسخة الاحتياطية للمفتاح…</translation>
        </message>
        <message>
            <source>2. Recovery sheets on paper: give them to people you trust; a few of them together restore the key</source>
            <translation>٢. أوراق استعادة مطبوعة: سلّمها إلى أشخاص تثق بهم؛ وبضع أوراق منها معًا تستعيد المفتاح</translation>
        </message>
        <message>
            <source>Sheets needed to restore</source>
            <translation>الأوراق اللازمة للاستعادة</translation>
        </message>
        <message>
            <source>out of sheets printed</source>
            <translation>من الأوراق المطبوعة</translation>
        </message>
        <message>
            <source>Save the recovery sheets for printing…</source>
            <translation>حفظ أوراق الاستعادة للطباعة…</translation>
        </message>
        <message>
            <source>Continue</source>
            <translation>متابعة</translation>
        </message>
        <message>
            <source>Export the campaign file and give it to the volunteers. Then read them the fingerprint below (an identity code of your key) in person or by phone: their app asks them to compare it, so that nobody can pass them a forged campaign.</source>
            <translation>صدّر ملف الحملة وسلّمه إلى المتطوعين. ثم اقرأ لهم البصمة أدناه (رمز تعريف مفتاحك) وجهًا لوجه أو بالهاتف: يطلب منهم التطبيق مقارنتها، كي لا يستطيع أحد أن يمرّر إليهم حملة مزوّرة.</translation>
        </message>
        <message>
            <source>Export the campaign file…</source>
            <translation>تصدير ملف الحملة…</translation>
        </message>
        <message>
            <source>Open the organizer workspace</source>
            <translation>فتح مساحة عمل المنظِّم</translation>
        </message>
    </context>
    <context>
        <name>OrgDashboardForm</name>
        <message>
            <source>Received</source>
            <translation>الواردة</translation>
        </message>
        <message>
            <source>Unique signers</source>
            <translation>الموقِّعون دون تكرار</translation>
        </message>
        <message>
            <source>Duplicates</source>
            <translation>المكررة</translation>
        </message>
        <message>
            <source>To review</source>
            <translation>للمراجعة</translation>
        </message>
        <message>
            <source>Voided</source>
            <translation>مُبطَل</translation>
        </message>
        <message>
            <source>Held</source>
            <translation>بانتظار الموافقة</translation>
        </message>
        <message>
            <source>By day</source>
            <translation>حسب اليوم</translation>
        </message>
        <message>
            <source>By event</source>
            <translation>حسب الفعالية</translation>
        </message>
        <message>
            <source>By device</source>
            <translation>حسب الجهاز</translation>
        </message>
        <message>
            <source>By country</source>
            <translation>حسب البلد</translation>
        </message>
        <message>
            <source>Dark bars: received. Light bars: unique signers.</source>
            <translation>الأعمدة الداكنة: الواردة. الأعمدة الفاتحة: الموقِّعون دون تكرار.</translation>
        </message>
        <message>
            <source>By state</source>
            <translation>حسب الولاية</translation>
        </message>
        <message>
            <source>By congressional district</source>
            <translation>حسب الدائرة الانتخابية للكونغرس</translation>
        </message>
    </context>
    <context>
        <name>OrgDevicesForm</name>
        <message>
            <source>Enroll a device from its request file…</source>
            <translation>تسجيل جهاز من ملف طلبه…</translation>
        </message>
        <message>
            <source>Revoke the selected device</source>
            <translation>إلغاء اعتماد الجهاز المحدد</translation>
        </message>
        <message>
            <source>Device</source>
            <translation>الجهاز</translation>
        </message>
        <message>
            <source>Label</source>
            <translation>التسمية</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>الحالة</translation>
        </message>
        <message>
            <source>Last batch</source>
            <translation>آخر دفعة</translation>
        </message>
        <message>
            <source>Last received</source>
            <translation>آخر استلام</translation>
        </message>
        <message>
            <source>Records</source>
            <translation>التواقيع</translation>
        </message>
    </context>
    <context>
        <name>OrgIntakeForm</name>
        <message>
            <source>Import batch files…</source>
            <translation>استيراد ملفات الدفعات…</translation>
        </message>
        <message>
            <source>Watch a folder…</source>
            <translation>مراقبة مجلد…</translation>
        </message>
        <message>
            <source>Or drop batch files (.tomar-batch) on this window.</source>
            <translation>أو أفلت ملفات الدفعات (‎.tomar-batch) على هذه النافذة.</translation>
        </message>
        <message>
            <source>Collection server address or shared folder</source>
            <translation>عنوان خادم الجمع أو المجلد المشترك</translation>
        </message>
        <message>
            <source>Pull</source>
            <translation>جلب</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>إلغاء</translation>
        </message>
        <message>
            <source>File</source>
            <translation>الملف</translation>
        </message>
        <message>
            <source>Result</source>
            <translation>النتيجة</translation>
        </message>
        <message>
            <source>Device</source>
            <translation>الجهاز</translation>
        </message>
        <message>
            <source>Batch</source>
            <translation>الدفعة</translation>
        </message>
        <message>
            <source>Records</source>
            <translation>التواقيع</translation>
        </message>
        <message>
            <source>Details</source>
            <translation>التفاصيل</translation>
        </message>
        <message>
            <source>Held: devices that were not enrolled</source>
            <translation>بانتظار الموافقة: أجهزة غير مسجَّلة</translation>
        </message>
        <message>
            <source>Batches</source>
            <translation>الدفعات</translation>
        </message>
        <message>
            <source>Approve the selected device and import its batches</source>
            <translation>الموافقة على الجهاز المحدد واستيراد دفعاته</translation>
        </message>
    </context>
    <context>
        <name>OrgOutputsForm</name>
        <message>
            <source>Language of the sheets</source>
            <translation>لغة الأوراق</translation>
        </message>
        <message>
            <source>Export CSV…</source>
            <translation>تصدير CSV…</translation>
        </message>
        <message>
            <source>Delivery sheets (PDF)…</source>
            <translation>أوراق التسليم (PDF)…</translation>
        </message>
        <message>
            <source>Campaign report (PDF)…</source>
            <translation>تقرير الحملة (PDF)…</translation>
        </message>
        <message>
            <source>Receipts for devices…</source>
            <translation>إيصالات للأجهزة…</translation>
        </message>
        <message>
            <source>Delivery sheets and the CSV hold names: print, then delete the file. Nothing is kept anywhere else.</source>
            <translation>أوراق التسليم وملف CSV تحوي أسماء: اطبعها ثم احذف الملف. لا يُحفظ أي شيء في مكان آخر.</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>إلغاء</translation>
        </message>
        <message>
            <source>Public CSV (as each signer chose)…</source>
            <translation>ملف CSV علني (كما اختار كل موقِّع)…</translation>
        </message>
        <message>
            <source>Packets per state, for senators (PDF)…</source>
            <translation>حزم حسب الولاية، لأعضاء مجلس الشيوخ (PDF)…</translation>
        </message>
        <message>
            <source>Packets per district, for representatives (PDF)…</source>
            <translation>حزم حسب الدائرة، لأعضاء مجلس النواب (PDF)…</translation>
        </message>
        <message>
            <source>Counts only, no names (PDF)…</source>
            <translation>أعداد فقط، بلا أسماء (PDF)…</translation>
        </message>
        <message>
            <source>Campaign</source>
            <translation>الحملة</translation>
        </message>
        <message>
            <source>Remove a signer…</source>
            <translation>حذف موقِّع…</translation>
        </message>
        <message>
            <source>Close the campaign…</source>
            <translation>إغلاق الحملة…</translation>
        </message>
        <message>
            <source>Save the closing record…</source>
            <translation>حفظ سجلّ إغلاق الحملة…</translation>
        </message>
    </context>
    <context>
        <name>OrgSignersForm</name>
        <message>
            <source>Search name, email, phone, city, event</source>
            <translation>ابحث بالاسم أو البريد الإلكتروني أو الهاتف أو المدينة أو الفعالية</translation>
        </message>
        <message>
            <source>Possible duplicate of:</source>
            <translation>قد يكون تكرارًا للموقِّع:</translation>
        </message>
        <message>
            <source>Keep</source>
            <translation>إبقاء</translation>
        </message>
        <message>
            <source>Merge</source>
            <translation>دمج</translation>
        </message>
        <message>
            <source>Not a duplicate</source>
            <translation>ليس تكرارًا</translation>
        </message>
        <message>
            <source>Undo the decision</source>
            <translation>التراجع عن القرار</translation>
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
            <translation>لوحة المتابعة</translation>
        </message>
        <message>
            <source>Intake</source>
            <translation>الاستلام</translation>
        </message>
        <message>
            <source>Devices</source>
            <translation>الأجهزة</translation>
        </message>
        <message>
            <source>Signers</source>
            <translation>الموقِّعون</translation>
        </message>
        <message>
            <source>Outputs</source>
            <translation>المخرجات</translation>
        </message>
    </context>
    <context>
        <name>OutputsTab</name>
        <message>
            <source>Where to save</source>
            <translation>مكان الحفظ</translation>
        </message>
        <message>
            <source>Working…</source>
            <translation>جارٍ العمل…</translation>
        </message>
        <message>
            <source>Saved: %1</source>
            <translation>حُفظ: %1</translation>
        </message>
        <message numerus="yes">
            <source>%Ln receipts written.</source>
            <translation>
                <numerusform>لم يُكتب أي إيصال.</numerusform>
                <numerusform>كُتب إيصال واحد.</numerusform>
                <numerusform>كُتب إيصالان.</numerusform>
                <numerusform>كُتبت %Ln إيصالات.</numerusform>
                <numerusform>كُتب %Ln إيصالًا.</numerusform>
                <numerusform>كُتب %Ln إيصال.</numerusform>
            </translation>
        </message>
        <message>
            <source>This campaign was closed on %1: names and signatures were destroyed; the counts and the signed closing record remain.</source>
            <translation>أُغلقت هذه الحملة في ‎%1‎: أُتلفت الأسماء والتواقيع، وبقيت الأعداد وسجلّ الإغلاق الموقَّع.</translation>
        </message>
        <message>
            <source>Closing destroys every signer's personal data and keeps the counts and proofs. A signer who asks to be removed can be removed before that.</source>
            <translation>إغلاق الحملة يُتلف البيانات الشخصية لكل الموقِّعين ويُبقي الأعداد والإثباتات. وقبل ذلك يمكن حذف أي موقِّع يطلب حذفه.</translation>
        </message>
        <message numerus="yes">
            <source>Before printing: %Ln rows have letters that no font on this computer can draw, and would print as empty boxes. Rows: %1. Install a font for that script (for example Noto Sans CJK) and save the sheets again.</source>
            <translation>
                <numerusform>قبل الطباعة: صفوف فيها حروف لا يستطيع أي خط على هذا الحاسوب رسمها، فتُطبع مربعات فارغة. عددها: %Ln. الصفوف: %1. ثبّت خطًا لتلك الكتابة (مثل Noto Sans CJK) واحفظ الأوراق من جديد.</numerusform>
                <numerusform>قبل الطباعة: صفوف فيها حروف لا يستطيع أي خط على هذا الحاسوب رسمها، فتُطبع مربعات فارغة. عددها: %Ln. الصفوف: %1. ثبّت خطًا لتلك الكتابة (مثل Noto Sans CJK) واحفظ الأوراق من جديد.</numerusform>
                <numerusform>قبل الطباعة: صفوف فيها حروف لا يستطيع أي خط على هذا الحاسوب رسمها، فتُطبع مربعات فارغة. عددها: %Ln. الصفوف: %1. ثبّت خطًا لتلك الكتابة (مثل Noto Sans CJK) واحفظ الأوراق من جديد.</numerusform>
                <numerusform>قبل الطباعة: صفوف فيها حروف لا يستطيع أي خط على هذا الحاسوب رسمها، فتُطبع مربعات فارغة. عددها: %Ln. الصفوف: %1. ثبّت خطًا لتلك الكتابة (مثل Noto Sans CJK) واحفظ الأوراق من جديد.</numerusform>
                <numerusform>قبل الطباعة: صفوف فيها حروف لا يستطيع أي خط على هذا الحاسوب رسمها، فتُطبع مربعات فارغة. عددها: %Ln. الصفوف: %1. ثبّت خطًا لتلك الكتابة (مثل Noto Sans CJK) واحفظ الأوراق من جديد.</numerusform>
                <numerusform>قبل الطباعة: صفوف فيها حروف لا يستطيع أي خط على هذا الحاسوب رسمها، فتُطبع مربعات فارغة. عددها: %Ln. الصفوف: %1. ثبّت خطًا لتلك الكتابة (مثل Noto Sans CJK) واحفظ الأوراق من جديد.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Before printing: in %1, %Ln rows have letters that no font on this computer can draw, and would print as empty boxes. Rows: %2. Install a font for that script (for example Noto Sans CJK) and save the packets again.</source>
            <translation>
                <numerusform>قبل الطباعة: في الملف %1 صفوف فيها حروف لا يستطيع أي خط على هذا الحاسوب رسمها، فتُطبع مربعات فارغة. عددها: %Ln. الصفوف: %2. ثبّت خطًا لتلك الكتابة (مثل Noto Sans CJK) واحفظ الحزم من جديد.</numerusform>
                <numerusform>قبل الطباعة: في الملف %1 صفوف فيها حروف لا يستطيع أي خط على هذا الحاسوب رسمها، فتُطبع مربعات فارغة. عددها: %Ln. الصفوف: %2. ثبّت خطًا لتلك الكتابة (مثل Noto Sans CJK) واحفظ الحزم من جديد.</numerusform>
                <numerusform>قبل الطباعة: في الملف %1 صفوف فيها حروف لا يستطيع أي خط على هذا الحاسوب رسمها، فتُطبع مربعات فارغة. عددها: %Ln. الصفوف: %2. ثبّت خطًا لتلك الكتابة (مثل Noto Sans CJK) واحفظ الحزم من جديد.</numerusform>
                <numerusform>قبل الطباعة: في الملف %1 صفوف فيها حروف لا يستطيع أي خط على هذا الحاسوب رسمها، فتُطبع مربعات فارغة. عددها: %Ln. الصفوف: %2. ثبّت خطًا لتلك الكتابة (مثل Noto Sans CJK) واحفظ الحزم من جديد.</numerusform>
                <numerusform>قبل الطباعة: في الملف %1 صفوف فيها حروف لا يستطيع أي خط على هذا الحاسوب رسمها، فتُطبع مربعات فارغة. عددها: %Ln. الصفوف: %2. ثبّت خطًا لتلك الكتابة (مثل Noto Sans CJK) واحفظ الحزم من جديد.</numerusform>
                <numerusform>قبل الطباعة: في الملف %1 صفوف فيها حروف لا يستطيع أي خط على هذا الحاسوب رسمها، فتُطبع مربعات فارغة. عددها: %Ln. الصفوف: %2. ثبّت خطًا لتلك الكتابة (مثل Noto Sans CJK) واحفظ الحزم من جديد.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>The campaign is closed with %Ln unique signers. Names and signatures were destroyed; the vault has a new key. Save the closing record and keep it.</source>
            <translation>
                <numerusform>أُغلقت الحملة. الموقِّعون دون تكرار: %Ln. أُتلفت الأسماء والتواقيع، وللخزنة مفتاح جديد. احفظ سجلّ الإغلاق واحتفظ به.</numerusform>
                <numerusform>أُغلقت الحملة. الموقِّعون دون تكرار: %Ln. أُتلفت الأسماء والتواقيع، وللخزنة مفتاح جديد. احفظ سجلّ الإغلاق واحتفظ به.</numerusform>
                <numerusform>أُغلقت الحملة. الموقِّعون دون تكرار: %Ln. أُتلفت الأسماء والتواقيع، وللخزنة مفتاح جديد. احفظ سجلّ الإغلاق واحتفظ به.</numerusform>
                <numerusform>أُغلقت الحملة. الموقِّعون دون تكرار: %Ln. أُتلفت الأسماء والتواقيع، وللخزنة مفتاح جديد. احفظ سجلّ الإغلاق واحتفظ به.</numerusform>
                <numerusform>أُغلقت الحملة. الموقِّعون دون تكرار: %Ln. أُتلفت الأسماء والتواقيع، وللخزنة مفتاح جديد. احفظ سجلّ الإغلاق واحتفظ به.</numerusform>
                <numerusform>أُغلقت الحملة. الموقِّعون دون تكرار: %Ln. أُتلفت الأسماء والتواقيع، وللخزنة مفتاح جديد. احفظ سجلّ الإغلاق واحتفظ به.</numerusform>
            </translation>
        </message>
        <message>
            <source>Closing the campaign: the vault is being copied…</source>
            <translation>جارٍ إغلاق الحملة: تُنسخ الخزنة الآن…</translation>
        </message>
        <message>
            <source>The signer was removed on request; the vault has a new key. Sheets printed before still hold them.</source>
            <translation>حُذف الموقِّع بناءً على طلبه، وللخزنة مفتاح جديد. الأوراق المطبوعة من قبل ما زالت تحمل بياناته.</translation>
        </message>
        <message>
            <source>Removing the signer: the vault is being copied…</source>
            <translation>جارٍ حذف الموقِّع: تُنسخ الخزنة الآن…</translation>
        </message>
    </context>
    <context>
        <name>SignersTab</name>
        <message>
            <source>All</source>
            <translation>الكل</translation>
        </message>
        <message>
            <source>Unique</source>
            <translation>دون تكرار</translation>
        </message>
        <message>
            <source>Duplicates</source>
            <translation>المكررة</translation>
        </message>
        <message>
            <source>To review</source>
            <translation>للمراجعة</translation>
        </message>
        <message>
            <source>Voided</source>
            <translation>مُبطَل</translation>
        </message>
        <message>
            <source>Time</source>
            <translation>الوقت</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>الاسم</translation>
        </message>
        <message>
            <source>City</source>
            <translation>المدينة</translation>
        </message>
        <message>
            <source>Country</source>
            <translation>البلد</translation>
        </message>
        <message>
            <source>Event</source>
            <translation>الفعالية</translation>
        </message>
        <message>
            <source>Source</source>
            <translation>المصدر</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>الحالة</translation>
        </message>
        <message>
            <source>Kiosk</source>
            <translation>شاشة التوقيع</translation>
        </message>
        <message>
            <source>Paper sheet</source>
            <translation>ورقة مطبوعة</translation>
        </message>
        <message>
            <source>Command line</source>
            <translation>سطر الأوامر</translation>
        </message>
        <message>
            <source>Counted</source>
            <translation>محسوب</translation>
        </message>
        <message>
            <source>Duplicate</source>
            <translation>مكرر</translation>
        </message>
        <message>
            <source>voided</source>
            <translation>مُبطَل</translation>
        </message>
        <message>
            <source>full name</source>
            <translation>الاسم الكامل</translation>
        </message>
        <message>
            <source>initials</source>
            <translation>الأحرف الأولى</translation>
        </message>
        <message>
            <source>withheld</source>
            <translation>محجوب بطلب الموقِّع</translation>
        </message>
        <message>
            <source>Kept.</source>
            <translation>أُبقي.</translation>
        </message>
        <message>
            <source>Merged: counted once.</source>
            <translation>دُمج: يُحسب مرة واحدة.</translation>
        </message>
        <message>
            <source>Marked as not a duplicate.</source>
            <translation>عُلِّم بأنه ليس تكرارًا.</translation>
        </message>
        <message>
            <source>Time: %1</source>
            <translation>الوقت: %1</translation>
        </message>
        <message>
            <source>Event: %1</source>
            <translation>الفعالية: %1</translation>
        </message>
        <message>
            <source>Source: %1</source>
            <translation>المصدر: %1</translation>
        </message>
        <message>
            <source>Name on sheets: %1</source>
            <translation>الاسم في الأوراق: %1</translation>
        </message>
        <message>
            <source>Device: %1</source>
            <translation>الجهاز: %1</translation>
        </message>
        <message>
            <source>Reviewed: %1</source>
            <translation>المراجعة: %1</translation>
        </message>
        <message>
            <source>Unknown</source>
            <translation>غير معروف</translation>
        </message>
        <message>
            <source>This signer is the one to count. Its look-alikes stay on the review list, to be merged into it or marked as not a duplicate.</source>
            <translation>هذا الموقِّع هو الذي يُحتسب. يبقى المشابهون له في قائمة المراجعة ليُدمجوا فيه أو يُعلَّموا بأنهم ليسوا تكرارًا.</translation>
        </message>
        <message>
            <source>The same person signed twice: count this signature once, as a duplicate of the signer chosen above.</source>
            <translation>وقّع الشخص نفسه مرتين: يُحتسب هذا التوقيع مرة واحدة، بوصفه تكرارًا للموقِّع المختار أعلاه.</translation>
        </message>
        <message>
            <source>A different person who only looks alike: both are counted and neither is asked about again.</source>
            <translation>شخص آخر يبدو مشابهًا فقط: يُحتسب الاثنان ولا يُسأل عن أيّ منهما مجددًا.</translation>
        </message>
        <message>
            <source>Keep: this is the one to count. Merge: the same person, counted once. Not a duplicate: a different person.</source>
            <translation>إبقاء: هذا هو الذي يُحتسب. دمج: الشخص نفسه، يُحتسب مرة واحدة. ليس تكرارًا: شخص آخر.</translation>
        </message>
        <message>
            <source>Status: %1</source>
            <translation>الحالة: %1</translation>
        </message>
        <message>
            <source>kept as the one to count</source>
            <translation>أُبقي بوصفه الذي يُحتسب</translation>
        </message>
        <message>
            <source>merged as a duplicate</source>
            <translation>دُمج بوصفه تكرارًا</translation>
        </message>
        <message>
            <source>not a duplicate</source>
            <translation>ليس تكرارًا</translation>
        </message>
        <message numerus="yes">
            <source>%Ln shown</source>
            <translation>
                <numerusform>لا يظهر أي موقِّع</numerusform>
                <numerusform>يظهر موقِّع واحد</numerusform>
                <numerusform>يظهر موقِّعان</numerusform>
                <numerusform>يظهر %Ln موقِّعين</numerusform>
                <numerusform>يظهر %Ln موقِّعًا</numerusform>
                <numerusform>يظهر %Ln موقِّع</numerusform>
            </translation>
        </message>
        <message>
            <source>Reviewed</source>
            <translation>رُوجِع</translation>
        </message>
        <message>
            <source>Takes back the decision on this signer (or the last one made): a merge is undone and the signer is asked about again.</source>
            <translation>يتراجع عن القرار المتَّخذ بشأن هذا الموقِّع (أو عن آخر قرار): يُلغى الدمج ويُعرض الموقِّع للمراجعة من جديد.</translation>
        </message>
        <message>
            <source>Decision undone: this signer is to review again.</source>
            <translation>أُلغي القرار: هذا الموقِّع للمراجعة من جديد.</translation>
        </message>
    </context>
    <context>
        <name>ApproveDialog</name>
        <message>
            <source>Approve this device?</source>
            <translation>هل توافق على هذا الجهاز؟</translation>
        </message>
        <message>
            <source>Ask the volunteer to open Settings on their device and read you its device fingerprint. Approve only if every group below is the same. Once approved, every batch this device sends is imported.</source>
            <translation>اطلب من المتطوع أن يفتح «الإعدادات» على جهازه ويقرأ لك بصمة الجهاز. لا توافق إلا إذا تطابقت كل المجموعات أدناه. بعد الموافقة تُستورد كل دفعة يرسلها هذا الجهاز.</translation>
        </message>
        <message>
            <source>Device fingerprint</source>
            <translation>بصمة الجهاز</translation>
        </message>
        <message>
            <source>They are the same: approve</source>
            <translation>متطابقة: موافقة</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>إلغاء</translation>
        </message>
    </context>
    <context>
        <name>DashboardTab</name>
        <message>
            <source>ZIP in several districts</source>
            <translation>رمز بريدي في عدة دوائر</translation>
        </message>
        <message>
            <source>Signers were promised that their personal data is destroyed by %1, which has passed. Close the campaign now (tomar campaign close).</source>
            <translation>وُعد الموقِّعون بإتلاف بياناتهم الشخصية بحلول %1، وقد مضى هذا التاريخ. أغلق الحملة الآن (tomar campaign close).</translation>
        </message>
        <message>
            <source>Signers were promised that their personal data is destroyed by %1. Deliver, then close the campaign (tomar campaign close).</source>
            <translation>وُعد الموقِّعون بإتلاف بياناتهم الشخصية بحلول %1. سلِّم العريضة، ثم أغلق الحملة (tomar campaign close).</translation>
        </message>
    </context>
    <context>
        <name>OrgCloseForm</name>
        <message>
            <source>Close the campaign</source>
            <translation>إغلاق الحملة</translation>
        </message>
        <message>
            <source>Destroyed for good: every signer's name, contact details, address, signature and extra consents, and the batches still waiting for approval. The vault is copied under a new key, so an old copy of it opens nothing.</source>
            <translation>يُتلف نهائيًا: اسم كل موقِّع وبيانات الاتصال به وعنوانه وتوقيعه وموافقاته الإضافية، والدفعات التي ما زالت تنتظر الموافقة. تُنسخ الخزنة تحت مفتاح جديد، فلا تفتح أيُّ نسخة قديمة منها شيئًا.</translation>
        </message>
        <message>
            <source>Kept: a signed closing record with the counts (by event, day, state, district and purpose), the proofs of every batch received and the digests of the delivery packets. Nothing more can be imported afterwards. Sheets and CSV files saved elsewhere are not touched: delete them yourself.</source>
            <translation>يبقى: سجلّ إغلاق موقَّع فيه الأعداد (حسب الفعالية واليوم والولاية والدائرة والغرض)، وإثباتات كل دفعة مستلمة، وبصمات حزم التسليم. لا يمكن استيراد أي شيء بعد ذلك. الأوراق وملفات CSV المحفوظة في مكان آخر لا تُمسّ: احذفها بنفسك.</translation>
        </message>
        <message>
            <source>To confirm, type the campaign's title:</source>
            <translation>للتأكيد، اكتب عنوان الحملة:</translation>
        </message>
        <message>
            <source>The campaign's title</source>
            <translation>عنوان الحملة</translation>
        </message>
        <message>
            <source>Vault passphrase</source>
            <translation>عبارة مرور الخزنة</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>إلغاء</translation>
        </message>
        <message>
            <source>Close the campaign for good</source>
            <translation>إغلاق الحملة نهائيًا</translation>
        </message>
    </context>
    <context>
        <name>OrgRemoveForm</name>
        <message>
            <source>Remove a signer at their request</source>
            <translation>حذف موقِّع بناءً على طلبه</translation>
        </message>
        <message>
            <source>Find the signer by name, email or phone. Removal takes them out of the vault and out of every output made from now on, and counts them as removed on request. Sheets printed before keep them.</source>
            <translation>ابحث عن الموقِّع بالاسم أو البريد الإلكتروني أو الهاتف. الحذف يُخرجه من الخزنة ومن كل مُخرَج يُصنع من الآن فصاعدًا، ويُحسب «محذوفًا بناءً على طلبه». الأوراق المطبوعة من قبل تبقى فيها بياناته.</translation>
        </message>
        <message>
            <source>Name, email or phone</source>
            <translation>الاسم أو البريد الإلكتروني أو الهاتف</translation>
        </message>
        <message>
            <source>Find</source>
            <translation>بحث</translation>
        </message>
        <message>
            <source>Signers found</source>
            <translation>الموقِّعون الذين عُثر عليهم</translation>
        </message>
        <message>
            <source>Vault passphrase</source>
            <translation>عبارة مرور الخزنة</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>إلغاء</translation>
        </message>
        <message>
            <source>Remove this signer…</source>
            <translation>حذف هذا الموقِّع…</translation>
        </message>
    </context>
    <context>
        <name>CloseDialog</name>
        <message>
            <source>The title typed is not the campaign's title.</source>
            <translation>العنوان المكتوب ليس عنوان الحملة.</translation>
        </message>
    </context>
    <context>
        <name>RemoveDialog</name>
        <message>
            <source>Time</source>
            <translation>الوقت</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>الاسم</translation>
        </message>
        <message>
            <source>City</source>
            <translation>المدينة</translation>
        </message>
        <message>
            <source>Event</source>
            <translation>الفعالية</translation>
        </message>
        <message>
            <source>Type a name, an email or a phone number.</source>
            <translation>اكتب اسمًا أو بريدًا إلكترونيًا أو رقم هاتف.</translation>
        </message>
        <message>
            <source>No signer found.</source>
            <translation>لم يُعثر على أي موقِّع.</translation>
        </message>
        <message>
            <source>%1 signers found; the first %2 are shown. Type more to narrow it.</source>
            <translation>الموقِّعون الذين عُثر عليهم: %1؛ المعروض منهم أولًا: %2. اكتب المزيد لتضييق البحث.</translation>
        </message>
        <message>
            <source>Signers found: %1. Choose the one to remove.</source>
            <translation>الموقِّعون الذين عُثر عليهم: %1. اختر من يجب حذفه.</translation>
        </message>
        <message>
            <source>Remove the chosen signer for good? Their name, contact details and signature leave the vault and every output made from now on. This cannot be undone.</source>
            <translation>هل تريد حذف الموقِّع المختار نهائيًا؟ يخرج اسمه وبيانات الاتصال به وتوقيعه من الخزنة ومن كل مُخرَج يُصنع من الآن فصاعدًا. لا يمكن التراجع عن ذلك.</translation>
        </message>
        <message>
            <source>Remove</source>
            <translation>حذف</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>إلغاء</translation>
        </message>
    </context>
</TS>
