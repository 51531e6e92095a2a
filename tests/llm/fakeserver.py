"""A fake OpenAI-compatible chat-completions server for tests and the benchmark.

A real HTTP server on 127.0.0.1 (port 0, so tests never collide) in a background thread,
one thread per connection, speaking just enough of `/v1/chat/completions`:

* It answers in the shape the request asks for: a tool call when the request has `tools`,
  JSON content for `response_format`, a ```json block otherwise (instructor's MD_JSON).
* A `responder` turns each request into the payload the "model" returns (or a full `Reply`).
* `script(...)` queues replies served before the responder: status codes with headers
  (429 + Retry-After), malformed bodies, dropped connections, slow answers, held requests.
* `latency` delays every answer; `requests` logs every request, with its headers.
* A prefix cache as providers keep one: `usage.prompt_tokens_details.cached_tokens` counts
  the prompt's longest start shared with an earlier request (tools, response format, then
  messages), in blocks of 128 tokens from 1024 on, as OpenAI's does.
* The Batch API: `/v1/files` (multipart upload, metadata, content) and `/v1/batches`
  (create, retrieve, cancel). A batch goes validating → in_progress → finalizing →
  completed, one step per look (`hold_batches()` keeps it in progress); an input file with a
  malformed line fails it. Its output file holds the responder's answers in shuffled order;
  lines whose custom_id `fail_batch_lines` names go to the error file instead.

Nothing here imports llmx: the server only knows the wire protocol.
"""

from __future__ import annotations

import email.parser
import itertools
import json
import random
import re
import sys
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

_TEXT = re.compile(r"<text>\n(.*)\n</text>", re.DOTALL)
_SECTION = re.compile(r'<section id="([^"]*)">.*?<text>\n(.*?)\n</text>', re.DOTALL)
# OpenAI's prompt caching: from 1024 tokens on, in steps of 128.
CACHE_MIN, CACHE_STEP = 1024, 128
CACHE_KEPT = 64  # prompts a prefix cache remembers (a real one evicts too)


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

    @property
    def section_texts(self) -> dict[str, str]:
        """The sections a packed prompt quotes, by id: `<section id="…">…<text>…</text>`."""
        return dict(_SECTION.findall(self.user_message))


Responder = Callable[[Recorded], "Reply | Any"]


def count_tokens(text: str) -> int:
    """A stand-in tokenizer: one token per CJK character, one per four other characters."""
    wide = sum(1 for char in text if ord(char) > 0x2E80)
    return wide + (len(text) - wide) // 4 + 1


def prompt_text(request: dict[str, Any]) -> str:
    """The prompt in the order a provider reads it: tools, response format, messages."""
    return json.dumps(
        [request.get("tools"), request.get("response_format"), request.get("messages")],
        ensure_ascii=False,
    )


def completion(request: dict[str, Any], reply: Reply, cached_tokens: int = 0) -> dict[str, Any]:
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
            "prompt_tokens_details": {"cached_tokens": min(cached_tokens, prompt_tokens)},
        }
    return answer


class PrefixCache:
    """What a provider's prompt cache would serve: the longest start a prompt shares with
    any earlier one, counted in tokens, in blocks."""

    def __init__(self) -> None:
        self._seen: list[str] = []
        self._lock = threading.Lock()

    def cached_tokens(self, prompt: str) -> int:
        with self._lock:
            shared = max((_shared_start(prompt, seen) for seen in self._seen), default=0)
            self._seen = [*self._seen[-(CACHE_KEPT - 1) :], prompt]
        tokens = count_tokens(prompt[:shared]) - 1 if shared else 0
        return 0 if tokens < CACHE_MIN else tokens - tokens % CACHE_STEP


@dataclass
class FakeBatch:
    id: str
    input_file_id: str
    created_at: int
    metadata: dict[str, Any]
    status: str = "validating"
    lines: list[dict[str, Any]] = field(default_factory=list)
    errors: list[dict[str, Any]] = field(default_factory=list)
    output_file_id: str | None = None
    error_file_id: str | None = None
    completed: int = 0
    failed: int = 0
    looks: int = 0

    def as_json(self) -> dict[str, Any]:
        stamp = {
            "validating": "created_at",
            "in_progress": "in_progress_at",
            "finalizing": "finalizing_at",
            "completed": "completed_at",
            "failed": "failed_at",
            "cancelling": "cancelling_at",
            "cancelled": "cancelled_at",
        }
        shown: dict[str, Any] = {
            "id": self.id,
            "object": "batch",
            "endpoint": "/v1/chat/completions",
            "errors": {"object": "list", "data": self.errors} if self.errors else None,
            "input_file_id": self.input_file_id,
            "completion_window": "24h",
            "status": self.status,
            "output_file_id": self.output_file_id,
            "error_file_id": self.error_file_id,
            "created_at": self.created_at,
            "expires_at": self.created_at + 86_400,
            "request_counts": {
                "total": len(self.lines),
                "completed": self.completed,
                "failed": self.failed,
            },
            "metadata": self.metadata,
        }
        shown[stamp[self.status]] = shown.get(stamp[self.status]) or self.created_at + 1
        return shown


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
        self.prefix_cache = PrefixCache()
        # The Batch API's state: uploaded files (bytes) and batches, by id.
        self.files: dict[str, tuple[str, bytes]] = {}
        self.batches: dict[str, FakeBatch] = {}
        self.fail_batch_lines: set[str] = set()  # custom_ids answered in the error file
        self.reject_batch_inputs = False  # judge every input line malformed
        self.cancel_batches = False  # cancel each batch as it starts (someone else did)
        self._batch_hold = False
        self._ids = itertools.count(1)
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

    def hold_batches(self, hold: bool = True) -> None:
        """Keep every batch in progress (a long batch) until called with False."""
        self._batch_hold = hold

    @property
    def chat_requests(self) -> list[Recorded]:
        """The live chat-completions requests (not the Batch API's)."""
        return [request for request in self.requests if request.path.endswith("/chat/completions")]

    def _new_id(self, prefix: str) -> str:
        return f"{prefix}-{next(self._ids)}"

    def _answer(self, body: dict[str, Any]) -> tuple[int, bytes]:
        """A chat completion for `body`, as the live endpoint answers it (no script)."""
        request = Recorded("batch:/v1/chat/completions", {}, body, time.monotonic())
        reply = self._next(request)
        if reply.status != 200:
            message = {"error": {"message": f"fake status {reply.status}", "type": "fake"}}
            return reply.status, json.dumps(message).encode()
        if reply.body is not None:
            return 200, reply.body
        cached = self.prefix_cache.cached_tokens(prompt_text(body))
        return 200, json.dumps(completion(body, reply, cached), ensure_ascii=False).encode()

    def _store_file(self, name: str, content: bytes, purpose: str) -> dict[str, Any]:
        file_id = self._new_id("file")
        with self._lock:
            self.files[file_id] = (name, content)
        return _file_json(file_id, name, content, purpose)

    def _create_batch(self, body: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        input_id = str(body.get("input_file_id"))
        if input_id not in self.files:
            return 404, {"error": {"message": f"no file {input_id}", "type": "invalid_request"}}
        batch = FakeBatch(
            self._new_id("batch"), input_id, int(time.time()), dict(body.get("metadata") or {})
        )
        seen: set[str] = set()
        for number, text in enumerate(self.files[input_id][1].decode().splitlines(), 1):
            try:
                line = json.loads(text)
                ok = (
                    isinstance(line, dict)
                    and line.get("method") == "POST"
                    and line.get("url") == "/v1/chat/completions"
                    and isinstance(line.get("body"), dict)
                    and isinstance(line.get("custom_id"), str)
                    and line["custom_id"] not in seen
                )
            except ValueError:
                ok = False
            if not ok or self.reject_batch_inputs:
                batch.errors.append(
                    {"code": "invalid_request", "message": "malformed input line", "line": number}
                )
                continue
            seen.add(line["custom_id"])
            batch.lines.append(line)
        with self._lock:
            self.batches[batch.id] = batch
        return 200, batch.as_json()

    def _look(self, batch: FakeBatch) -> dict[str, Any]:
        """A batch moves on one step each time it is looked at."""
        batch.looks += 1
        if batch.status == "validating":
            batch.status = "failed" if batch.errors or not batch.lines else "in_progress"
        elif batch.status == "in_progress" and self.cancel_batches:
            batch.status = "cancelling"
        elif batch.status == "in_progress" and not self._batch_hold:
            batch.status = "finalizing"
        elif batch.status == "finalizing":
            self._finish(batch)
        elif batch.status == "cancelling":
            batch.status = "cancelled"
        return batch.as_json()

    def _finish(self, batch: FakeBatch) -> None:
        outputs: list[dict[str, Any]] = []
        failures: list[dict[str, Any]] = []
        for line in batch.lines:
            custom_id = line["custom_id"]
            if custom_id in self.fail_batch_lines:
                status, payload = (
                    500,
                    json.dumps(
                        {"error": {"message": "fake batch line failure", "type": "server_error"}}
                    ).encode(),
                )
            else:
                status, payload = self._answer(line["body"])
            result = {
                "id": self._new_id("batch_req"),
                "custom_id": custom_id,
                "response": {
                    "status_code": status,
                    "request_id": self._new_id("req"),
                    "body": json.loads(payload),
                },
                "error": None,
            }
            (outputs if status == 200 else failures).append(result)
        random.Random(batch.id).shuffle(outputs)  # real output comes in any order
        batch.completed, batch.failed = len(outputs), len(failures)
        if outputs:
            batch.output_file_id = self._jsonl_file(f"{batch.id}_output.jsonl", outputs)
        if failures:
            batch.error_file_id = self._jsonl_file(f"{batch.id}_error.jsonl", failures)
        batch.status = "completed"

    def _jsonl_file(self, name: str, lines: list[dict[str, Any]]) -> str:
        content = "".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines)
        return str(self._store_file(name, content.encode(), "batch_output")["id"])

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

    def handle_error(self, request: Any, client_address: Any) -> None:
        # A client that hangs up mid-answer (a job stopping on the first refusal) is normal
        # here; the default prints a traceback into the output a test reads.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


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
            if self.path.endswith("/files"):
                self._upload(raw)
                return
            if self.path.endswith("/batches"):
                status, answer = fake._create_batch(body)
                self._json(status, answer)
                return
            cancel = re.search(r"/batches/([^/]+)/cancel$", self.path)
            if cancel:
                batch = fake.batches.get(cancel.group(1))
                if batch is None:
                    self._json(404, {"error": {"message": "no such batch"}})
                    return
                if batch.status in ("validating", "in_progress", "finalizing"):
                    batch.status = "cancelling"
                self._json(200, batch.as_json())
                return
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
                cached = fake.prefix_cache.cached_tokens(prompt_text(body))
                payload = json.dumps(completion(body, reply, cached), ensure_ascii=False).encode()
            else:
                message = {"error": {"message": f"fake status {reply.status}", "type": "fake"}}
                payload = json.dumps(message).encode()
            if self._send(reply.status, payload, reply.headers):
                request.answered = True

        def do_GET(self) -> None:
            fake._record(Recorded(self.path, dict(self.headers.items()), {}, time.monotonic()))
            content = re.search(r"/files/([^/]+)/content$", self.path)
            if content and content.group(1) in fake.files:
                self._send(200, fake.files[content.group(1)][1], {})
                return
            file = re.search(r"/files/([^/]+)$", self.path)
            if file and file.group(1) in fake.files:
                name, data = fake.files[file.group(1)]
                self._json(200, _file_json(file.group(1), name, data, "batch"))
                return
            if self.path.split("?")[0].endswith("/batches"):
                newest = [b.as_json() for b in reversed(list(fake.batches.values()))]
                listed = {"object": "list", "data": newest, "has_more": False}
                self._json(200, {**listed, "first_id": None, "last_id": None})
                return
            batch = re.search(r"/batches/([^/]+)$", self.path)
            if batch and batch.group(1) in fake.batches:
                self._json(200, fake._look(fake.batches[batch.group(1)]))
                return
            self._json(404, {"error": {"message": f"not found: {self.path}"}})

        def _upload(self, raw: bytes) -> None:
            """A multipart/form-data upload: fields `purpose` and `file`."""
            head = f"Content-Type: {self.headers.get('content-type', '')}\r\n\r\n".encode()
            message = email.parser.BytesParser().parsebytes(head + raw)
            fields: dict[str, tuple[str, bytes]] = {}
            for part in message.walk() if message.is_multipart() else []:
                name = part.get_param("name", header="content-disposition")
                if isinstance(name, str):
                    payload = part.get_payload(decode=True)
                    data = payload if isinstance(payload, bytes) else b""
                    fields[name] = (part.get_filename() or "", data)
            if "file" not in fields:
                self._json(400, {"error": {"message": "no file in the upload"}})
                return
            purpose = fields.get("purpose", ("", b"batch"))[1].decode()
            self._json(200, fake._store_file(fields["file"][0], fields["file"][1], purpose))

        def _json(self, status: int, answer: dict[str, Any]) -> None:
            self._send(status, json.dumps(answer, ensure_ascii=False).encode(), {})

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


def _file_json(file_id: str, name: str, content: bytes, purpose: str) -> dict[str, Any]:
    return {
        "id": file_id,
        "object": "file",
        "bytes": len(content),
        "created_at": int(time.time()),
        "filename": name,
        "purpose": purpose,
        "status": "processed",
    }


def _shared_start(a: str, b: str) -> int:
    """How many characters two strings share from their start (by halving: slices compare
    at C speed)."""
    low, high = 0, min(len(a), len(b))
    while low < high:
        middle = (low + high + 1) // 2
        if a[:middle] == b[:middle]:
            low = middle
        else:
            high = middle - 1
    return low
