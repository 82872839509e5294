"""The collection server (Starlette + Uvicorn). It holds ciphertext only.

Imported only by `tomar serve`; `tomar.core` never imports it.
"""
