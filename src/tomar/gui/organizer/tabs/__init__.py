"""The organizer workspace's tabs: one module and one Designer form (`ui/org_*.ui`) each.

A tab reads the vault only through core read models (`core.signers_view`,
`core.batches_view`, `Intake`), between jobs; its long work goes through the workspace's
`run`, which is the app's one worker.
"""
