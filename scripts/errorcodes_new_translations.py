"""One-off, issue 13: Persian and Arabic for the templates that had none before (sentences
that were English only: import results, held batches, composed messages).

Kept for the record of issue 13's conversion and not meant to be run again: since then
core/error_codes.py, core/error_text/ and the .ts files are edited by hand (see
docs/ARCHITECTURE.md, "Where to put a new error")."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

NEW: dict[str, tuple[str, str]] = {
    "Already held: waiting for your approval.": (
        "قبلاً نگه داشته شده و در انتظار تأیید شماست.",
        "محتجزة من قبل، بانتظار موافقتك.",
    ),
    "Already imported; nothing changed.": (
        "قبلاً وارد شده بود؛ چیزی تغییر نکرد.",
        "مستورَدة من قبل، ولم يتغير أي شيء.",
    ),
    "Already imported (this file is a copy); nothing changed.": (
        "قبلاً وارد شده بود (این فایل یک رونوشت است)؛ چیزی تغییر نکرد.",
        "مستورَدة من قبل (هذا الملف نسخة منها)، ولم يتغير أي شيء.",
    ),
    "Held for your review: batch {batch} of device {device} is numbered more than {jump} "
    "past its last batch. If the device is genuine, approve it to import the batch.": (
        "در انتظار تأیید شما: شمارهٔ بستهٔ {batch} از دستگاه {device} بیش از {jump} شماره "
        "از آخرین بستهٔ آن جلوتر است. اگر دستگاه واقعی است، آن را تأیید کنید تا بسته وارد شود.",
        "بانتظار مراجعتك: رقم الدفعة {batch} من الجهاز {device} يتجاوز آخر دفعة له بأكثر من "
        "{jump}. إن كان الجهاز حقيقيًا فوافق عليه لتُستورد الدفعة.",
    ),
    "Held: device {device} is not enrolled. Check it, then approve it.": (
        "در انتظار تأیید: دستگاه {device} ثبت نشده است. آن را بررسی و سپس تأیید کنید.",
        "بانتظار الموافقة: الجهاز {device} غير مسجَّل. تحقق منه ثم وافق عليه.",
    ),
    "Not held: batches of devices you have not enrolled already fill their allowance "
    "({count} batches, {mib} MiB). Enroll or approve the devices you know, then import "
    "this batch again.": (
        "در انتظار تأیید قرار نگرفت: بسته‌های دستگاه‌های ثبت‌نشده "
        "سهمیهٔ خود را پر کرده‌اند ({count} بسته، "
        "{mib} مگابایت). دستگاه‌هایی را که می‌شناسید ثبت یا تأیید کنید و سپس این بسته را "
        "دوباره وارد کنید.",
        "لم تُحتجز: دفعات الأجهزة غير المسجَّلة ملأت حصتها ({count} دفعة، {mib} ميغابايت). "
        "سجِّل الأجهزة التي تعرفها أو وافق عليها، ثم استورد هذه الدفعة من جديد.",
    ),
    "{count} of their ids had already come from device {device}; they were kept as this "
    "device's own.": (
        "{count} شناسه از این موارد پیش‌تر از دستگاه {device} آمده بود؛ به نام همین دستگاه "
        "نگه داشته شدند.",
        "{count} من معرّفاتها وصلت من قبل من الجهاز {device}، فحُفظت باسم هذا الجهاز.",
    ),
    "Imported {count} records.": ("{count} مورد وارد شد.", "استُورد {count} توقيعًا."),
    "This campaign has no extra consent with that purpose.": (
        "این کارزار رضایت اضافه‌ای با این هدف ندارد.",
        "ليس لهذه الحملة موافقة إضافية بهذا الغرض.",
    ),
    "This campaign has no extra consent with that purpose (it has: {purposes}).": (
        "این کارزار رضایت اضافه‌ای با این هدف ندارد (رضایت‌های آن: {purposes}).",
        "ليس لهذه الحملة موافقة إضافية بهذا الغرض (موافقاتها: {purposes}).",
    ),
    "Record {record}: {reason}": ("مورد {record}: {reason}", "التوقيع {record}: {reason}"),
    "Waiting for batch {batches} of this device.": (
        "در انتظار بستهٔ {batches} از این دستگاه.",
        "بانتظار الدفعة {batches} من هذا الجهاز.",
    ),
    "{words}": ("{words}", "{words}"),
    "Please check these fields: {fields}.": (
        "لطفاً این خانه‌ها را بررسی کنید: {fields}.",
        "يرجى التحقق من هذه الحقول: {fields}.",
    ),
    "{first} {second}": ("{first} {second}", "{first} {second}"),
    # Words that the command line puts in its sentences (a file it could not read...).
    "backup file": ("فایل پشتیبان", "ملف النسخة الاحتياطية"),
    "campaign spec": ("مشخصات کارزار", "مواصفات الحملة"),
    "certificate": ("گواهی", "الشهادة"),
    "district table": ("جدول حوزه‌ها", "جدول الدوائر"),
    "shares file": ("فایل سهم‌ها", "ملف الحصص"),
    "strokes file": ("فایل امضای دست‌نویس", "ملف التوقيع المرسوم"),
    "the batch metadata": ("اطلاعات بسته", "بيانات الدفعة"),
    "the store marker": ("نشانگر انبار", "علامة المخزن"),
    "the campaign package": ("فایل کارزار", "ملف الحملة"),
    "the enrollment request": ("درخواست ثبت دستگاه", "طلب تسجيل الجهاز"),
}


def main() -> None:
    for index, lang in enumerate(("fa", "ar")):
        path = ROOT / "resources" / "i18n" / f"tomar_{lang}.ts"
        tree = ET.parse(path)  # noqa: S314 - our own file
        root = tree.getroot()
        core = next(c for c in root.findall("context") if c.findtext("name") == "CoreErrors")
        have = {m.findtext("source") for m in core.findall("message")}
        for source, texts in NEW.items():
            if source in have:
                continue
            message = ET.SubElement(core, "message")
            ET.SubElement(message, "source").text = source
            ET.SubElement(message, "translation").text = texts[index]
        ET.indent(tree, space="    ")
        out = ET.tostring(root, encoding="unicode")
        path.write_text(f'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n{out}\n', "utf-8")


if __name__ == "__main__":
    main()
