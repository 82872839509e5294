<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
    <context>
        <name>CreateCampaignScreen</name>
        <message numerus="yes">
            <source>✓ Saved for printing: %Ln sheets, any %1 of them restore the key.</source>
            <translation>
                <numerusform>✓ Saved for printing: %Ln sheet, which restores the key (%1 of %Ln).</numerusform>
                <numerusform>✓ Saved for printing: %Ln sheets, any %1 of them restore the key.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>IntakeTab</name>
        <message numerus="yes">
            <source>%Ln new batches</source>
            <translation>
                <numerusform>%Ln new batch</numerusform>
                <numerusform>%Ln new batches</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln receipts sent</source>
            <translation>
                <numerusform>%Ln receipt sent</numerusform>
                <numerusform>%Ln receipts sent</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>Kiosk</name>
        <message numerus="yes">
            <source>Are you still there? This form will be cleared in %Ln seconds. Touch the screen to continue.</source>
            <translation>
                <numerusform>Are you still there? This form will be cleared in %Ln second. Touch the screen to continue.</numerusform>
                <numerusform>Are you still there? This form will be cleared in %Ln seconds. Touch the screen to continue.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>KioskScreen</name>
        <message numerus="yes">
            <source>Too many wrong PINs. Wait %Ln seconds.</source>
            <translation>
                <numerusform>Too many wrong PINs. Wait %Ln second.</numerusform>
                <numerusform>Too many wrong PINs. Wait %Ln seconds.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Too many wrong PINs. The PIN you typed will be checked in %Ln seconds.</source>
            <translation>
                <numerusform>Too many wrong PINs. The PIN you typed will be checked in %Ln second.</numerusform>
                <numerusform>Too many wrong PINs. The PIN you typed will be checked in %Ln seconds.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>OutputsTab</name>
        <message numerus="yes">
            <source>Before printing: %Ln rows have letters that no font on this computer can draw, and would print as empty boxes. Rows: %1. Install a font for that script (for example Noto Sans CJK) and save the sheets again.</source>
            <translation>
                <numerusform>Before printing: %Ln row has letters that no font on this computer can draw, and would print as empty boxes. Rows: %1. Install a font for that script (for example Noto Sans CJK) and save the sheets again.</numerusform>
                <numerusform>Before printing: %Ln rows have letters that no font on this computer can draw, and would print as empty boxes. Rows: %1. Install a font for that script (for example Noto Sans CJK) and save the sheets again.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Before printing: in %1, %Ln rows have letters that no font on this computer can draw, and would print as empty boxes. Rows: %2. Install a font for that script (for example Noto Sans CJK) and save the packets again.</source>
            <translation>
                <numerusform>Before printing: in %1, %Ln row has letters that no font on this computer can draw, and would print as empty boxes. Rows: %2. Install a font for that script (for example Noto Sans CJK) and save the packets again.</numerusform>
                <numerusform>Before printing: in %1, %Ln rows have letters that no font on this computer can draw, and would print as empty boxes. Rows: %2. Install a font for that script (for example Noto Sans CJK) and save the packets again.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>The campaign is closed with %Ln unique signers. Names and signatures were destroyed; the vault has a new key. Save the closing record and keep it.</source>
            <translation>
                <numerusform>The campaign is closed with %Ln unique signer. Names and signatures were destroyed; the vault has a new key. Save the closing record and keep it.</numerusform>
                <numerusform>The campaign is closed with %Ln unique signers. Names and signatures were destroyed; the vault has a new key. Save the closing record and keep it.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln receipts written.</source>
            <translation>
                <numerusform>%Ln receipt written.</numerusform>
                <numerusform>%Ln receipts written.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>RecordsScreen</name>
        <message numerus="yes">
            <source>%Ln valid signatures.</source>
            <translation>
                <numerusform>%Ln valid signature.</numerusform>
                <numerusform>%Ln valid signatures.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Batch %1 with %Ln records written to %2</source>
            <translation>
                <numerusform>Batch %1 with %Ln record written to %2</numerusform>
                <numerusform>Batch %1 with %Ln records written to %2</numerusform>
            </translation>
        </message>
    </context>
</TS>
