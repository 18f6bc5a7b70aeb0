"""A small triple store server for the remote tests: SPARQL 1.1 Graph Store HTTP Protocol (PUT)
at ``/gsp`` and SPARQL 1.1 Protocol queries at ``/sparql``, backed by an in-memory Oxigraph
store, on 127.0.0.1 in a thread. It can ask for Basic or Digest credentials, fail the n-th PUT
with a chosen status, or answer slowly.

Its queries use the ``default-graph-uri`` graphs as the default graph the way many servers do:
a triple found in two of them counts twice, which the client must cope with.
"""

from __future__ import annotations

import base64
import hashlib
import re
import secrets
import threading
import time
import urllib.parse
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pyoxigraph as ox


@dataclass
class Config:
    auth: str | None = None  # None, "basic" or "digest"
    user: str = "kg"
    password: str = "s3cret"
    fail_put: int | None = None  # 1-based number of the PUT that fails
    fail_status: int = 500
    delay: float = 0.0
    puts: list[str] = field(default_factory=list)


class Handler(BaseHTTPRequestHandler):
    server: "FakeServer"

    def log_message(self, *args) -> None:  # keep test output clean
        pass

    def _answer(self, status: int, body: bytes = b"", content_type: str = "text/plain", headers=()) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers:
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def _authorized(self) -> bool:
        config = self.server.config
        if config.auth is None:
            return True
        header = self.headers.get("Authorization", "")
        if config.auth == "basic":
            expected = base64.b64encode(f"{config.user}:{config.password}".encode()).decode()
            ok = header == f"Basic {expected}"
            challenge = 'Basic realm="fake"'
        else:
            ok = self._digest_ok(header)
            challenge = f'Digest realm="fake", nonce="{self.server.nonce}", qop="auth", opaque="xyz"'
        if not ok:
            self._answer(401, b"<html><body><h1>401 Unauthorized</h1></body></html>", "text/html",
                         [("WWW-Authenticate", challenge)])
        return ok

    def _digest_ok(self, header: str) -> bool:
        if not header.startswith("Digest "):
            return False
        fields = {k: v.strip('"') for k, v in re.findall(r'(\w+)=("[^"]*"|[^,\s]+)', header)}
        config = self.server.config

        def h(text: str) -> str:
            return hashlib.md5(text.encode()).hexdigest()

        ha1 = h(f"{config.user}:fake:{config.password}")
        ha2 = h(f"{self.command}:{fields.get('uri', '')}")
        expected = h(f"{ha1}:{fields.get('nonce')}:{fields.get('nc')}:{fields.get('cnonce')}:auth:{ha2}")
        return fields.get("username") == config.user and fields.get("response") == expected \
            and fields.get("uri") == self.path

    def _body(self) -> bytes:
        return self.rfile.read(int(self.headers.get("Content-Length") or 0))

    def do_PUT(self) -> None:
        body = self._body()
        url = urllib.parse.urlsplit(self.path)
        config = self.server.config
        time.sleep(config.delay)
        if url.path != "/gsp":
            return self._answer(404, b"Not Found")
        if not self._authorized():
            return
        graph = urllib.parse.parse_qs(url.query)["graph"][0]
        config.puts.append(graph)
        if config.fail_put == len(config.puts):
            return self._answer(config.fail_status, b"<h1>Internal trouble</h1><p>disk full</p>", "text/html")
        name = ox.NamedNode(graph)
        store = self.server.store
        existed = store.contains_named_graph(name)
        if existed:
            store.remove_graph(name)
        store.add_graph(name)
        store.load(body, ox.RdfFormat.TURTLE, to_graph=name)
        self._answer(204 if existed else 201)

    def do_POST(self) -> None:
        body = self._body()
        config = self.server.config
        time.sleep(config.delay)
        if urllib.parse.urlsplit(self.path).path != "/sparql":
            return self._answer(404, b"Not Found")
        if not self._authorized():
            return
        form = urllib.parse.parse_qs(body.decode("ascii"))
        graphs = [ox.NamedNode(g) for g in form.get("default-graph-uri", [])]
        try:
            kwargs = {"default_graph": graphs} if graphs else {"use_default_graph_as_union": True}
            solutions = self.server.store.query(form["query"][0], **kwargs)
        except SyntaxError as err:
            return self._answer(400, f"Parse error: {err}".encode())
        result = solutions.serialize(format=ox.QueryResultsFormat.JSON)
        self._answer(200, result, "application/sparql-results+json")


class FakeServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, config: Config):
        super().__init__(("127.0.0.1", 0), Handler)
        self.config = config
        self.store = ox.Store()
        self.nonce = secrets.token_hex(8)
        self.thread = threading.Thread(target=self.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"

    def __enter__(self) -> "FakeServer":
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.shutdown()
        self.server_close()
