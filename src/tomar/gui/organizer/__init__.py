"""The organizer's workspace: create a campaign, enroll devices, import, review, print.

Screens and tabs load Qt Designer forms (`ui/org_*.ui`) like the volunteer screens; every
label showing campaign or signer text is plain text. Long work goes through the app's
one `Worker`; the vault is read on the GUI thread only while no job runs, and only
through core read models (`core.signers_view`, `core.batches_view`, `Intake`).
"""
