"""The organizer's workspace: create a campaign, enroll devices, import, review, print.

Built in code (not Qt Designer forms) because most of it is tables and lists; every
label showing campaign or signer text is plain text. Long work goes through the app's
one `Worker`; the vault is read on the GUI thread only while no job runs.
"""
