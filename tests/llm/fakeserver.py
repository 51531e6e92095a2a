"""A fake OpenAI-compatible chat-completions server for tests and the benchmark.

A real HTTP server on 127.0.0.1 (port 0, so tests never collide) in a background thread,
one thread per connection, speaking just enough of `/v1/chat/completions`:

* It answers in the shape the request asks for: a tool call when the request has `tools`,
  JSON content for `response_format`, a ```json block otherwise (instructor's MD_JSON).
* A `responder` turns each request into the payload the "model" returns (or a full `Reply`).
* `script(...)` queues replies served before the responder: status codes with headers
  (429 + Retry-After), malformed bodies, dropped connections, slow answers, held requests.
* `latency` delays every answer; `requests` logs every request, with its headers.

Nothing here imports llmx: the server only knows the wire protocol.
"""

from __future__ import annotations

import json
import re
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

_TEXT = re.compile(r"<text>\n(.*)\n</text>", re.DOTALL)


@dataclass(frozen=True)
class Reply:
    """One scripted answer. `payload` is what the model returns; `body` overrides it all."""

    payload: Any = None
    status: int = 200
    body: bytes | None = None
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    drop: bool = False  # close the connection without answering
    raw_content: str | None = None  # the model's text as-is (malformed JSON, prose…)
    finish_reason: str = "stop"
    usage: bool = True


@dataclass
class Recorded:
    path: str
    headers: dict[str, str]
    body: dict[str, Any]
    received: float
    answered: bool = False

    @property
    def user_message(self) -> str:
        users = [m["content"] for m in self.body.get("messages", []) if m["role"] == "user"]
        return users[0] if users else ""

    @property
    def section_text(self) -> str:
        """The section a prompt quotes between <text> tags (the llmx templates' convention)."""
        match = _TEXT.search(self.user_message)
        return match.group(1) if match else ""


Responder = Callable[[Recorded], "Reply | Any"]


def count_tokens(text: str) -> int:
    """A stand-in tokenizer: one token per CJK character, one per four other characters."""
    wide = sum(1 for char in text if ord(char) > 0x2E80)
    return wide + (len(text) - wide) // 4 + 1


def completion(request: dict[str, Any], reply: Reply) -> dict[str, Any]:
    """A chat completion answering `request` with `reply.payload`, in the request's shape."""
    text = (
        reply.raw_content
        if reply.raw_content is not None
        else json.dumps(reply.payload, ensure_ascii=False)
    )
    message: dict[str, Any] = {"role": "assistant", "content": None}
    if request.get("tools"):
        name = request["tools"][0]["function"]["name"]
        message["tool_calls"] = [
            {"id": "call_1", "type": "function", "function": {"name": name, "arguments": text}}
        ]
    elif request.get("response_format"):
        message["content"] = text
    else:
        message["content"] = f"```json\n{text}\n```"
    prompt = json.dumps(
        [request.get("messages"), request.get("tools"), request.get("response_format")],
        ensure_ascii=False,
    )
    answer: dict[str, Any] = {
        "id": "chatcmpl-fake",
        "object": "chat.completion",
        "created": 1_700_000_000,
        "model": request.get("model", "fake"),
        "choices": [{"index": 0, "message": message, "finish_reason": reply.finish_reason}],
    }
    if reply.usage:
        prompt_tokens, completion_tokens = count_tokens(prompt), count_tokens(text)
        answer["usage"] = {
            "prompt_tokens": prompt_tokens,
            "completion_tokens": completion_tokens,
            "total_tokens": prompt_tokens + completion_tokens,
        }
    return answer


class FakeServer:
    def __init__(self, responder: Responder | None = None, latency: float = 0.0) -> None:
        self.responder: Responder = responder or (lambda _request: {"facts": []})
        self.latency = latency
        self.requests: list[Recorded] = []
        self._script: deque[Reply] = deque()
        self._lock = threading.Lock()
        self._release = threading.Event()
        self._hold_from: int | None = None
        self.errors: list[str] = []  # responder exceptions, answered as HTTP 500
        self._httpd = _Server(("127.0.0.1", 0), _handler_for(self))
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )
        self._stopped = False

    @property
    def url(self) -> str:
        host, port = self._httpd.server_address[:2]
        return f"http://{host!s}:{port}/v1"

    def start(self) -> FakeServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._stopped:
            return
        self._stopped = True
        self._release.set()  # let held requests go, so their threads can end
        self._httpd.shutdown()
        self._httpd.server_close()

    def __enter__(self) -> FakeServer:
        return self.start()

    def __exit__(self, *_exc: object) -> None:
        self.stop()

    def script(self, *replies: Reply) -> None:
        with self._lock:
            self._script.extend(replies)

    def hold_from(self, count: int) -> None:
        """From request number `count` (1-based) on, hold every request until released."""
        self._hold_from = count

    def release(self) -> None:
        """Stop holding, and let held requests go (their clients may be long gone)."""
        self._hold_from = None
        self._release.set()

    @property
    def answered(self) -> list[Recorded]:
        with self._lock:
            return [request for request in self.requests if request.answered]

    def _next(self, request: Recorded) -> Reply:
        with self._lock:
            scripted = self._script.popleft() if self._script else None
        if scripted is not None:
            return scripted
        try:
            produced = self.responder(request)
        except Exception as error:  # a broken test responder must show, not hang a client
            self.errors.append(f"{type(error).__name__}: {error}")
            return Reply(status=500, body=json.dumps({"error": repr(error)}).encode())
        return produced if isinstance(produced, Reply) else Reply(payload=produced)

    def _record(self, request: Recorded) -> int:
        with self._lock:
            self.requests.append(request)
            return len(self.requests)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False  # a held or slow request must not keep `stop` waiting


def _handler_for(fake: FakeServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"  # keep-alive, as real servers do
        # Headers and body go out in two writes; with Nagle's algorithm on, the second waits
        # for the client's delayed ACK (~40 ms) and every answer would be that much late.
        disable_nagle_algorithm = True

        def log_message(self, format: str, *args: Any) -> None:
            pass  # quiet: the request log is `fake.requests`

        def do_POST(self) -> None:
            length = int(self.headers.get("content-length", 0))
            raw = self.rfile.read(length)
            try:
                body = json.loads(raw or b"{}")
            except ValueError:
                body = {}
            request = Recorded(self.path, dict(self.headers.items()), body, time.monotonic())
            number = fake._record(request)
            if not self.path.endswith("/chat/completions"):
                self._send(404, b'{"error": {"message": "not found"}}', {})
                return
            if fake._hold_from is not None and number >= fake._hold_from:
                fake._release.wait()
                self.close_connection = True
                return
            reply = fake._next(request)
            time.sleep(fake.latency + reply.delay)
            if reply.drop:
                self.close_connection = True
                return
            if reply.body is not None:
                payload = reply.body
            elif reply.status == 200:
                payload = json.dumps(completion(body, reply), ensure_ascii=False).encode()
            else:
                message = {"error": {"message": f"fake status {reply.status}", "type": "fake"}}
                payload = json.dumps(message).encode()
            if self._send(reply.status, payload, reply.headers):
                request.answered = True

        def _send(self, status: int, payload: bytes, headers: dict[str, str]) -> bool:
            try:
                self.send_response(status)
                self.send_header("content-type", "application/json")
                self.send_header("content-length", str(len(payload)))
                for name, value in headers.items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(payload)
                self.wfile.flush()
            except (BrokenPipeError, ConnectionResetError):
                return False  # the client gave up (a timeout test): nothing to answer
            return True

    return Handler
