"""Open a page in real headless Chromium, with every other host unreachable, and report what happened.

A small client of the Chrome DevTools protocol (over websocket-client): no
browser download, only Debian's ``chromium``. Tests that use it skip, saying
why, when Chromium is not installed.
"""

from __future__ import annotations

import atexit
import contextlib
import json
import os
import shutil
import signal
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import websocket

CANDIDATES = ("chromium", "chromium-browser", "google-chrome")
# Any request that leaves the machine goes to a closed local port and fails, and no name resolves.
OFFLINE = ("--proxy-server=http://127.0.0.1:9", "--host-resolver-rules=MAP * ~NOTFOUND")


@dataclass
class PageReport:
    title: str = ""
    text: str = ""
    images: list[dict] = field(default_factory=list)
    live: list[str] = field(default_factory=list)
    layout: dict = field(default_factory=dict)  # widths, and the elements past the right edge
    # Each inline chart: its accessible name, and each named mark's id, tooltip and link.
    charts: list[dict] = field(default_factory=list)
    anchors: list[str] = field(default_factory=list)  # the ids of the table rows marks link to
    requests: list[str] = field(default_factory=list)
    failed_requests: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)

    @property
    def external_requests(self) -> list[str]:
        return [url for url in self.requests if not url.startswith(("file:", "data:", "about:"))]


# What the page became: its title and text, its images, and any element that could run code
# which the report never writes: an inline event handler, or a script that mentions "pwned".
STATE = """JSON.stringify({
  title: document.title,
  text: (document.body || document.documentElement).innerText
        || (document.documentElement.textContent || ''),
  images: [...document.images].map(i => ({complete: i.complete, naturalWidth: i.naturalWidth, alt: i.alt})),
  charts: [...document.querySelectorAll('.chart')].map(c => ({
    alt: c.getAttribute('aria-label') || '',
    marks: [...c.querySelectorAll('svg g[id]')].filter(g => g.querySelector(':scope > title')).map(g => {
      const a = g.querySelector('a');
      const href = a && (a.getAttributeNS('http://www.w3.org/1999/xlink', 'href') || a.getAttribute('href'));
      return {id: g.id, title: g.querySelector(':scope > title').textContent, href: href,
              target: a && a.getAttribute('target')};
    }),
    named: [...c.querySelectorAll('svg g[id]')].map(g => g.id),
  })),
  anchors: [...document.querySelectorAll('tr[id]')].map(r => r.id),
  live: [...document.querySelectorAll('*')]
        .filter(e => [...e.attributes].some(a => a.name.startsWith('on'))
                     || (e.tagName.toLowerCase() === 'script' && e.textContent.includes('pwned')))
        .map(e => e.outerHTML.slice(0, 120)),
  layout: {
    viewport: window.innerWidth,
    page: document.documentElement.scrollWidth,
    // Elements whose right edge is past the window's, but those in a box that scrolls on its
    // own (a wide table, a long line of code).
    past: [...document.querySelectorAll('body *')]
          .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)
          .filter(e => { for (let a = e.parentElement; a; a = a.parentElement) {
                           if (['auto', 'scroll'].includes(getComputedStyle(a).overflowX)) return false; }
                         return true; })
          .slice(0, 5).map(e => e.outerHTML.slice(0, 120)),
  },
})"""


def chromium_or_skip() -> str:
    """The Chromium binary; a skip that says why when there is none (a failure where CI requires it)."""
    for name in CANDIDATES:
        if path := shutil.which(name):
            return path
    reason = "headless Chromium not found: install Debian's 'chromium' package to run the browser checks"
    if os.environ.get("REQUIRE_BROWSER") == "1":
        pytest.fail(reason)
    pytest.skip(reason)


class _Session:
    def __init__(self, url: str):
        self.socket = websocket.create_connection(url, timeout=30)
        self.next_id = 0
        self.events: list[dict] = []

    def call(self, method: str, **params) -> dict:
        self.next_id += 1
        self.socket.send(json.dumps({"id": self.next_id, "method": method, "params": params}))
        while True:
            message = json.loads(self.socket.recv())
            if message.get("id") == self.next_id:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})
            self.events.append(message)

    def wait_for(self, method: str, timeout: float = 30) -> None:
        deadline = time.monotonic() + timeout
        while not any(e.get("method") == method for e in self.events):
            if time.monotonic() > deadline:
                raise TimeoutError(method)
            self.events.append(json.loads(self.socket.recv()))

    def drain(self, seconds: float) -> None:
        """Collect events for a while longer (late handlers, image errors)."""
        self.socket.settimeout(0.1)
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            try:
                self.events.append(json.loads(self.socket.recv()))
            except websocket.WebSocketTimeoutException:
                continue
        self.socket.settimeout(30)


class _Browser:
    """One headless Chromium for the test process, started on first use. Each page opens in a
    browser context of its own (no cookie, storage or cache shared), so that only the start-up,
    most of a page's second, is shared."""

    def __init__(self, binary: str):
        # Chromium's helper processes may still write to the profile as it exits: the whole
        # process group is stopped, and what they leave behind does not fail a test.
        self.profile = tempfile.TemporaryDirectory(prefix="chromium-", ignore_cleanup_errors=True)
        self.process = subprocess.Popen(
            [binary, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
             "--no-first-run", "--disable-component-update", "--disable-sync", "--disable-quic",
             f"--user-data-dir={self.profile.name}", "--remote-debugging-port=0", *OFFLINE, "about:blank"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
        )  # fmt: skip
        port_file = Path(self.profile.name) / "DevToolsActivePort"
        deadline = time.monotonic() + 30
        while len(port_file.read_text().split() if port_file.exists() else []) < 2:
            if time.monotonic() > deadline or self.process.poll() is not None:
                self.close()
                raise RuntimeError("Chromium did not start its DevTools endpoint")
            time.sleep(0.05)
        self.port, endpoint = port_file.read_text().split()[:2]
        self.session = _Session(f"ws://127.0.0.1:{self.port}{endpoint}")

    def new_page(self, context: str) -> _Session:
        """A blank tab in ``context``, and a session on it."""
        target = self.session.call("Target.createTarget", url="about:blank", browserContextId=context)
        return _Session(f"ws://127.0.0.1:{self.port}/devtools/page/{target['targetId']}")

    def close(self) -> None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGTERM)
        self.process.wait(timeout=10)
        self.profile.cleanup()


_BROWSER: list[_Browser] = []


def _browser() -> _Browser:
    """The process's Chromium, started again if it ended."""
    if _BROWSER and _BROWSER[0].process.poll() is not None:
        _BROWSER.pop().close()
    if not _BROWSER:
        _BROWSER.append(_Browser(chromium_or_skip()))
        atexit.register(_BROWSER[0].close)
    return _BROWSER[0]


def open_page(path: Path, width: int | None = None) -> PageReport:
    """Load ``path`` in headless Chromium with the network to other hosts failing; with
    ``width``, in a window that many CSS pixels wide (a phone's below 600)."""
    browser = _browser()
    context = browser.session.call("Target.createBrowserContext")["browserContextId"]
    try:
        session = browser.new_page(context)
        for domain in ("Page", "Network", "Runtime", "Log"):
            session.call(f"{domain}.enable")
        if width is not None:
            session.call("Emulation.setDeviceMetricsOverride", width=width, height=900,
                         deviceScaleFactor=1, mobile=width < 600)  # fmt: skip
        session.call("Page.navigate", url=path.resolve().as_uri())
        session.wait_for("Page.loadEventFired")
        session.drain(0.5)
        state = session.call("Runtime.evaluate", expression=STATE, returnByValue=True)
        session.socket.close()
    finally:
        browser.session.call("Target.disposeBrowserContext", browserContextId=context)
    values = json.loads(state["result"]["value"])
    report = PageReport(
        values["title"], values["text"], values["images"], values["live"], values["layout"], values["charts"],
        values["anchors"],
    )  # fmt: skip
    for event in session.events:
        method, params = event.get("method"), event.get("params", {})
        if method == "Network.requestWillBeSent":
            report.requests.append(params["request"]["url"])
        elif method == "Network.loadingFailed":
            report.failed_requests.append(f"{params.get('errorText')}: request {params.get('requestId')}")
        elif method == "Runtime.consoleAPICalled" and params.get("type") == "error":
            report.console_errors.append(
                " ".join(str(a.get("value", a.get("description"))) for a in params["args"])
            )
        elif method == "Runtime.exceptionThrown":
            report.console_errors.append(params["exceptionDetails"].get("text", "exception"))
        elif method == "Log.entryAdded" and params["entry"]["level"] == "error":
            report.console_errors.append(params["entry"]["text"])
    return report
