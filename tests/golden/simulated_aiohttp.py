"""The simulated `aiohttp` of the goldens (README.md, "Simulated aiohttp"): no network, ever.

asyncrace's interpreter provides the same module, rule for rule, so a corpus program that fetches
URLs prints the same lines at the same virtual times on both sides. A request costs one
`await asyncio.sleep(latency)`, the latency a hash of the run's seed, the method and the URL; the
response is made up from the URL alone. Standard library only.
"""
import asyncio
import http
import re
import types

SEED = 1  # the run's seed: asyncrace takes it from --seed, whose default is 1
FNV_OFFSET_BASIS, FNV_PRIME, U64 = 0xCBF29CE484222325, 0x100000001B3, (1 << 64) - 1
STATUS_PATH = re.compile(r"/status/([0-9]{3})\Z")  # .../status/404 answers 404


def fnv1a_64(data):
    h = FNV_OFFSET_BASIS
    for byte in data:
        h = ((h ^ byte) * FNV_PRIME) & U64
    return h


def mix64(z):
    """SplitMix64's finalizer.  FNV-1a alone changes little with the last byte: /page/0 ... /page/5
    would take 158, 173, 188, ... ms, a staircase on the diagram rather than a spread."""
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & U64
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & U64
    return z ^ (z >> 31)


def latency(method, url):
    """Seconds a request takes: 0.050 to 0.500 in whole milliseconds, fixed by seed, method, URL."""
    h = mix64(fnv1a_64(f"{SEED} {method} {url}".encode("utf-8")))
    return (50 + h % 451) / 1000


def status_of(url):
    """200, unless the URL's path (the URL cut at its first `?` or `#`) ends with /status/NNN."""
    match = STATUS_PATH.search(re.split(r"[?#]", url, maxsplit=1)[0])
    return int(match.group(1)) if match else 200


def reason_of(status):
    try:
        return http.HTTPStatus(status).phrase
    except ValueError:  # a code http.HTTPStatus does not know (e.g. 299) has no phrase
        return ""


class ClientError(Exception):
    """Base of the simulated aiohttp's exceptions."""


class ClientResponseError(ClientError):
    """What raise_for_status() raises; str() as aiohttp's: `404, message='Not Found', url='...'`."""

    def __init__(self, status, message, url):
        super().__init__(f"{status}, message={message!r}, url={url!r}")
        self.status, self.message = status, message


class ClientResponse:
    """A response, made up from the request alone; reading it never suspends."""

    def __init__(self, method, url, echoed):
        self.method, self.url = method, url
        self.status = status_of(url)
        self.reason = reason_of(self.status)
        self._echoed = echoed  # what a post sends back in its json(): {"json": ..., "data": ...}

    @property
    def ok(self):
        return self.status < 400

    def _body(self):
        return f"<html><body>{self.method} {self.url}</body></html>"

    async def text(self):
        return self._body()

    async def read(self):
        return self._body().encode("utf-8")

    async def json(self):
        return {"url": self.url, "method": self.method, "status": self.status, **self._echoed}

    def raise_for_status(self):
        if self.status >= 400:
            raise ClientResponseError(self.status, self.reason, self.url)

    def release(self):
        return None

    def __repr__(self):
        return f"<ClientResponse({self.url}) [{self.status} {self.reason}]>"


class _RequestContextManager:
    """What session.get/post return: `await` it or `async with` it. Either way the request is made
    then (one asyncio.sleep of its latency), and again each time it is awaited or entered."""

    def __init__(self, session, method, url, echoed):
        self._session, self._method, self._url, self._echoed = session, method, url, echoed
        self._response = None

    async def _send(self):
        if self._session.closed:
            raise RuntimeError("Session is closed")
        await asyncio.sleep(latency(self._method, self._url))
        return ClientResponse(self._method, self._url, self._echoed)

    def __await__(self):
        return self._send().__await__()

    async def __aenter__(self):
        self._response = await self._send()
        return self._response

    async def __aexit__(self, exc_type, exc, tb):
        self._response.release()


class ClientSession:
    """`async with aiohttp.ClientSession() as session:`; its arguments are accepted and ignored."""

    def __init__(self, *args, **kwargs):
        self.closed = False

    def get(self, url, **kwargs):
        return _RequestContextManager(self, "GET", str(url), {})

    def post(self, url, data=None, *, json=None, **kwargs):
        echoed = {key: value for key, value in (("json", json), ("data", data)) if value is not None}
        return _RequestContextManager(self, "POST", str(url), echoed)

    async def close(self):
        self.closed = True

    async def __aenter__(self):
        return self

    async def __aexit__(self, exc_type, exc, tb):
        await self.close()


def module():
    """A fresh `aiohttp` module object, for sys.modules."""
    aiohttp = types.ModuleType("aiohttp", "A simulated aiohttp: no network (asyncrace).")
    for cls in (ClientError, ClientResponseError, ClientResponse, ClientSession):
        setattr(aiohttp, cls.__name__, cls)
    return aiohttp


for _cls in (ClientError, ClientResponseError, ClientResponse, _RequestContextManager, ClientSession):
    _cls.__module__ = "aiohttp"  # tracebacks say `aiohttp.ClientResponseError: ...`
