"""The web layer: aiohttp middlewares and handlers, composed by `proxy/app.py`.

Only this package, `proxy/admin/` and `proxy/app.py` import `aiohttp.web`; everything they
call below them (detection, redaction, policies, store, upstream) is plain Python.
"""
