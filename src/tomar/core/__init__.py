"""The Qt-free core: every face (GUI, CLI, server) is a thin layer over this package."""
