#!/usr/bin/env python3
"""Measures tavus-browse against `curl | jq` on this machine and writes BENCHMARKS.md.

Every program runs as its own process: the sandbox (tavus-sandbox) on loopback, the browser in
a pseudo-terminal whose output feeds a screen model (pyte), so a key-to-screen time is the time
from writing the key to the moment the screen shows the change.
"""
import contextlib
import datetime
import fcntl
import json
import os
import platform
import pty
import re
import select
import shutil
import signal
import sqlite3
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time
import threading
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pyte

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BUILD = os.environ.get("BENCH_BUILD", os.path.join(ROOT, ".build-install", "release"))
KEY = "bench-key"
SEED = 42
# The two indexes' sizes; smaller counts make a quick run of the index measurements.
SMALL_INDEX = int(os.environ.get("BENCH_SMALL_INDEX", 10_000))
BIG_INDEX = int(os.environ.get("BENCH_BIG_INDEX", 100_000))
# Where the big index is kept between runs: the sandbox's data depends only on its count and seed.
INDEX_CACHE = os.environ.get("BENCH_INDEX_CACHE", os.path.join(ROOT, ".build-install", "bench-index"))
# The page size of `tavus-browse sync` (IndexSync's pageSize, left at its default).
SYNC_PAGE_SIZE = 100
# Words of the sandbox's transcripts (TranscriptScripts, and the tool calls TranscriptBuilder adds).
SEARCHES = ["refund", "invoice", "pilot", "onboarding", "export", "calendar", "guided setup"]


class Sandbox:
    def __init__(self, count=300, latency_ms=0, seed=SEED):
        self.proc = subprocess.Popen(
            [os.path.join(BUILD, "tavus-sandbox"), "--port", "0", "--api-key", KEY,
             "--count", str(count), "--latency-ms", str(latency_ms), "--seed", str(seed)],
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        line = self.proc.stdout.readline()
        match = re.search(r"http://127\.0\.0\.1:(\d+)", line)
        if not match:
            raise SystemExit(f"sandbox did not start: {line!r}")
        self.url = f"http://127.0.0.1:{match.group(1)}"

    def page(self, number, limit):
        request = urllib.request.Request(f"{self.url}/v2/conversations?page={number}&limit={limit}",
                                         headers={"x-api-key": KEY})
        with urllib.request.urlopen(request) as answer:
            return json.load(answer)

    def stop(self):
        self.proc.terminate()
        self.proc.wait()


class Screen:
    """The browser in a pty of a fixed size, its output read into a pyte screen."""

    def __init__(self, args, rows=40, columns=120, env=None):
        self.screen = pyte.Screen(columns, rows)
        self.stream = pyte.ByteStream(self.screen)
        pid, fd = pty.fork()
        if pid == 0:
            environment = {k: v for k, v in os.environ.items() if k not in ("LINES", "COLUMNS")}
            environment.update({"TERM": "screen", "TAVUS_API_KEY": KEY, "LANG": "C.UTF-8"})
            environment.update(env or {})
            os.execve(args[0], args, environment)
        fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
        self.pid, self.fd = pid, fd
        self.first_byte = None

    def pump(self, timeout):
        ready, _, _ = select.select([self.fd], [], [], timeout)
        if ready:
            try:
                data = os.read(self.fd, 65536)
            except OSError:
                return False
            start = time.perf_counter()
            if self.first_byte is None:
                self.first_byte = start
            self.stream.feed(data)
        return True

    def text(self):
        """The screen as text; cells a wide character covers are empty and skipped."""
        rows = []
        for y in range(self.screen.lines):
            line = self.screen.buffer[y]
            rows.append("".join(line[x].data for x in range(self.screen.columns)))
        return "\n".join(rows)

    def wait(self, predicate, timeout=30.0):
        deadline = time.perf_counter() + timeout
        while not predicate(self.text()):
            left = deadline - time.perf_counter()
            if left <= 0:
                raise TimeoutError("screen never showed the change:\n" + self.text())
            self.pump(min(left, 0.5))
        return time.perf_counter()

    def press(self, keys, predicate, timeout=30.0):
        """Milliseconds from writing `keys` to the screen satisfying `predicate`. The time to the
        first byte of the answer is kept in `last_first_byte`: the program draws a frame with one
        write, so that is its own share, without the harness's parsing of the screen."""
        self.pump(0)
        self.first_byte = None
        start = time.perf_counter()
        os.write(self.fd, keys)
        total = (self.wait(predicate, timeout) - start) * 1000
        self.last_first_byte = (self.first_byte - start) * 1000
        return total

    def settle(self, seconds):
        end = time.perf_counter() + seconds
        while time.perf_counter() < end:
            self.pump(end - time.perf_counter())

    def resident_kib(self, field):
        with open(f"/proc/{self.pid}/status") as status:
            for line in status:
                if line.startswith(field + ":"):
                    return int(line.split()[1])
        return 0

    def cpu_seconds(self):
        with open(f"/proc/{self.pid}/stat") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def quit(self):
        os.write(self.fd, b"q")
        deadline = time.time() + 5
        while time.time() < deadline:
            done, _ = os.waitpid(self.pid, os.WNOHANG)
            if done:
                break
            self.pump(0.05)
        else:
            os.kill(self.pid, signal.SIGKILL)
            os.waitpid(self.pid, 0)
        os.close(self.fd)


class QuietHandler(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass


class LoopbackServer:
    """An HTTP server of the benchmark's own on a free loopback port, serving with `handler`
    on a thread of its own until `stop`."""

    def serve(self, handler):
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def stop(self):
        self.server.shutdown()


class HugeRecordServer(LoopbackServer):
    """A loopback API with one conversation whose verbose record is huge: `turns` transcript
    turns, or one turn of `turn_bytes` bytes. Written here, not in the sandbox, because only the
    benchmark needs records this size."""

    def __init__(self, turns=0, turn_bytes=0):
        conversation = {"conversation_id": "chuge0000000001", "conversation_name": "Huge record", "status": "ended",
                        "conversation_url": "https://tavus.daily.co/chuge0000000001",
                        "created_at": "2026-11-20T10:00:00Z", "updated_at": "2026-11-20T11:00:00Z"}
        if turn_bytes:
            transcript = [{"role": "user", "content": ("word " * (turn_bytes // 5))}]
        else:
            transcript = [{"role": "user" if i % 2 else "assistant", "content": f"Turn {i}: the invoice for the lake house, paid in full.",
                           "seconds_from_start": i * 2.5} for i in range(turns)]
        record = dict(conversation, events=[
            {"event_type": "system.replica_joined", "timestamp": "2026-11-20T10:00:05Z", "properties": {}},
            {"event_type": "application.transcription_ready", "timestamp": "2026-11-20T11:00:00Z",
             "properties": {"transcript": transcript}}])
        bodies = {"list": json.dumps({"data": [conversation], "total_count": 1}).encode(),
                  "record": json.dumps(record).encode()}

        class Handler(QuietHandler):
            def do_GET(self):
                body = bodies["record"] if self.path.startswith("/v2/conversations/") else bodies["list"]
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        self.serve(Handler)


def child_cpu(command, env=None):
    """Runs a command to its end; its wall time and CPU time (user + system), in seconds."""
    start = time.perf_counter()
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    _, _, usage = os.wait4(proc.pid, 0)
    return time.perf_counter() - start, usage.ru_utime + usage.ru_stime


def pane_title(text):
    return next((line for line in text.splitlines() if "┌─ Conversation" in line), "")


def stats(samples):
    return statistics.median(samples), min(samples), max(samples)


def row(name, samples, unit="ms"):
    median, low, high = stats(samples)
    return f"| {name} | {median:.2f} {unit} | {low:.2f} | {high:.2f} | {len(samples)} |"


def curl_jq(url, runs):
    command = f"curl -s -H 'x-api-key: {KEY}' '{url}' | jq ."
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, shell=True, stdout=subprocess.DEVNULL, check=True)
        samples.append((time.perf_counter() - start) * 1000)
    return samples


def browser(url, *extra, rows=40, columns=120):
    return Screen([os.path.join(BUILD, "tavus-browse"), "--base-url", url, *extra], rows=rows, columns=columns)


def read_from_disk(path):
    """Drops the file's pages from the page cache, so that the next run reads it from disk, as a
    program started after a reboot does. A file just written (a fresh build or install) sits in
    the cache in large pieces, which the kernel maps into a process whole: up to 2 MiB more
    resident memory for the same code, which would measure the build, not the program."""
    descriptor = os.open(path, os.O_RDONLY)
    try:
        os.fsync(descriptor)
        os.posix_fadvise(descriptor, 0, 0, os.POSIX_FADV_DONTNEED)
    finally:
        os.close(descriptor)


def has(text):
    return lambda screen: text in screen


def selected(conversation_id):
    return lambda screen: ("▶" + conversation_id) in screen


class Tripwire(LoopbackServer):
    """A loopback proxy that forwards nothing and notes every request that reaches it: the
    browser's proxy for http and https while it runs `--offline`, which must send none."""

    def __init__(self):
        requests = self.requests = []

        class Handler(QuietHandler):
            def refuse(self):
                requests.append(self.requestline)
                self.send_error(502)

            do_GET = do_POST = do_DELETE = do_HEAD = do_CONNECT = refuse

        self.serve(Handler)

    def environment(self):
        names = ("HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy")
        return dict({name: self.url for name in names}, NO_PROXY="", no_proxy="")


SYNCED = re.compile(r"synced (\d+) conversations, (\d+) records")


def sync(url, path):
    """`tavus-browse sync` into the index at `path`, to its end: its wall time in seconds and the
    conversations and records its summary line on stderr counts."""
    env = dict(os.environ, TAVUS_API_KEY=KEY)
    start = time.perf_counter()
    done = subprocess.run([os.path.join(BUILD, "tavus-browse"), "sync", "--base-url", url, "--index-path", path],
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=env)
    seconds = time.perf_counter() - start
    summary = SYNCED.search(done.stderr)
    if done.returncode != 0 or not summary:
        raise SystemExit(f"sync into {path} failed (exit status {done.returncode}): {done.stderr.strip()}")
    return seconds, int(summary.group(1)), int(summary.group(2))


def sync_sandbox(count, path):
    """A sandbox of `count` conversations (no latency) synced into the index at `path`, which
    must then hold every one of them; the sync's wall time in seconds."""
    sandbox = Sandbox(count=count)
    try:
        seconds, conversations, _ = sync(sandbox.url, path)
    finally:
        sandbox.stop()
    if conversations != count:
        raise SystemExit(f"the sync of {count:,} conversations stored {conversations:,}")
    return seconds


def index_size(path):
    """The index file and its WAL, in bytes."""
    return sum(os.path.getsize(name) for name in (path, path + "-wal") if os.path.exists(name))


def copy_index(source, target):
    """The index file and its WAL copied; the shared-memory file is made afresh by whoever opens it."""
    for suffix in ("", "-wal"):
        if os.path.exists(source + suffix):
            shutil.copyfile(source + suffix, target + suffix)
    return target


def remove_index(path):
    for suffix in ("", "-wal", "-shm"):
        with contextlib.suppress(FileNotFoundError):
            os.remove(path + suffix)


def query_index(path, sql):
    """The first row of `sql` on the index at `path`, or None."""
    with contextlib.closing(sqlite3.connect(path)) as db:
        return db.execute(sql).fetchone()


def newest_id(path):
    """Page 1's first conversation in the index: the newest."""
    return query_index(path, "SELECT id FROM conversations ORDER BY created_epoch DESC LIMIT 1")[0]


def account_reference(path):
    """An account reference a caller gives in a transcript of the index (ten hex digits), or None."""
    if not query_index(path, "SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'transcript_turns'"):
        return None
    found = query_index(path, "SELECT content FROM transcript_turns WHERE content LIKE '%account reference is%' LIMIT 1")
    match = found and re.search(r"account reference is ([0-9A-Za-z]+)", found[0])
    return match.group(1) if match else None


def schema(path):
    """The migrations applied to the index at `path`, as one string."""
    with contextlib.closing(sqlite3.connect(path)) as db:
        return ",".join(name for (name,) in db.execute("SELECT identifier FROM grdb_migrations ORDER BY identifier"))


def cached_index(count, current_schema):
    """The index of a `count`-conversation sandbox (no latency), synced once and kept between
    runs under INDEX_CACHE, keyed by the count and the seed; made again when missing or of
    another schema than `current_schema`. Returns its path, the wall time its sync took in
    seconds, and the day it was made."""
    os.makedirs(INDEX_CACHE, exist_ok=True)
    path = os.path.join(INDEX_CACHE, f"index-{count}-seed{SEED}.sqlite")
    note = os.path.join(INDEX_CACHE, f"index-{count}-seed{SEED}.json")
    if os.path.exists(path) and os.path.exists(note):
        with open(note) as made:
            made = json.load(made)
        if made.get("schema") == current_schema:
            return path, made["sync_seconds"], made["made"]
    # Synced under another name and renamed once complete, so a run stopped halfway keeps nothing.
    partial = os.path.join(INDEX_CACHE, f"index-{count}-seed{SEED}.partial.sqlite")
    remove_index(path)
    remove_index(partial)
    seconds = sync_sandbox(count, partial)
    for suffix in ("", "-wal"):
        if os.path.exists(partial + suffix):
            os.replace(partial + suffix, path + suffix)
    remove_index(partial)
    made = {"sync_seconds": seconds, "made": datetime.date.today().isoformat(), "schema": schema(path)}
    with open(note, "w") as out:
        json.dump(made, out)
    return path, seconds, None


def curl_jq_pages(url, pages, limit, runs):
    """Wall seconds of one bash loop fetching list pages 1 to `pages` one after another, each
    through `jq -c '.data[]'`."""
    loop = (f'for p in $(seq 1 {pages}); do curl -s -H "x-api-key: {KEY}" "{url}/v2/conversations?page=$p&limit={limit}"'
            " | jq -c '.data[]' > /dev/null; done")
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(["bash", "-c", loop], check=True)
        samples.append(time.perf_counter() - start)
    return samples


def footer(text):
    return text.rsplit("\n", 1)[-1]


def search_prompt(typed):
    return re.compile(r"(?:^|\s)/" + re.escape(typed) + "█")


def prompt_shows(typed):
    """The footer holds the search prompt with exactly `typed`."""
    prompt = search_prompt(typed)
    return lambda text: prompt.search(footer(text)) is not None


# The footer's count of the index's answer: `1,234 matches`, `the first 200 matches`, `no matches`.
MATCH_COUNT = re.compile(r"\b(?:the first [\d,]+ matches|[\d,]+ match(?:es)?|no matches)\b")


def prompt_answered(typed):
    """The footer holds the search prompt with exactly `typed` and, beside it, the count of the
    index's answer."""
    prompt = search_prompt(typed)

    def check(text):
        line = footer(text)
        shown = prompt.search(line)
        return shown is not None and MATCH_COUNT.search(line[:shown.start()] + "  " + line[shown.end():]) is not None
    return check


def type_searches(screen, queries, shown, settle=0.0):
    """Each query typed after `/` one character at a time, each key timed from writing it until
    `shown(text typed so far)` holds, then `settle` seconds; Esc clears the prompt between queries.
    The times in milliseconds."""
    samples = []
    for query in queries:
        screen.press(b"/", prompt_shows(""))
        for end in range(1, len(query) + 1):
            samples.append(screen.press(query[end - 1].encode(), shown(query[:end])))
            screen.settle(settle)
        screen.press(b"\x1b", lambda text, gone=prompt_shows(query): not gone(text))
    return samples


def binary_parts(path, stripped_size):
    """The stripped binary's largest parts: the ICU data Foundation links in, the machine code,
    and the rest (symbols are read from the unstripped `path`)."""
    symbols = subprocess.run(["nm", "-S", "--size-sort", path], capture_output=True, text=True, check=True).stdout
    icu = sum(int(fields[1], 16) for fields in (line.split() for line in symbols.splitlines())
              if len(fields) == 4 and fields[3].startswith("icudt"))
    sections = subprocess.run(["size", "-A", path], capture_output=True, text=True, check=True).stdout
    sizes = {fields[0]: int(fields[1]) for fields in (line.split() for line in sections.splitlines())
             if len(fields) == 3 and fields[1].isdigit()}
    code = sizes.get(".text", 0)
    return [("ICU's data, trimmed to what the program uses (`scripts/icu-data`)", icu), ("machine code (`.text`)", code),
            ("the rest: other read-only data, unwind tables, dynamic symbols", stripped_size - icu - code)]


def launches_from_index(url, index, first, folder, *extra):
    """Milliseconds from launch to `first` on screen, ten times, each with a fresh copy of
    `index`; the rows must be marked as drawn from the index."""
    samples = []
    for number in range(10):
        copy = copy_index(index, os.path.join(folder, f"launch-{number}.sqlite"))
        start = time.perf_counter()
        screen = browser(url, "--index-path", copy, *extra)
        samples.append((screen.wait(has(first), timeout=30) - start) * 1000)
        text = screen.text()
        screen.quit()
        remove_index(copy)
        if "from the index" not in text:
            raise SystemExit(f"the first rows ({' '.join(extra) or 'default --limit'}) were not marked `from the index`:\n" + text)
    return samples


def index_measurements():
    """The local index: sizes, a sync of list pages against a slow API, launch from the index,
    search as you type over the big index, and the browser's peak memory with it."""
    results = {}
    with tempfile.TemporaryDirectory() as folder:
        small = os.path.join(folder, "small.sqlite")
        sync_sandbox(SMALL_INDEX, small)
        big, big_seconds, big_made = cached_index(BIG_INDEX, schema(small))
        results["size"] = (index_size(small), index_size(big))
        results["big_sync"] = (big_seconds, big_made)
        first_small = newest_id(small)
        written = copy_index(big, os.path.join(folder, "written.sqlite"))
        results["writes"] = subprocess.run([os.path.join(BUILD, "tavus-bench"), "--index-write", written, "200"],
                                           capture_output=True, text=True, check=True).stdout
        remove_index(written)

        # Every record in the index is final, so this sync walks the list pages only.
        slow = Sandbox(count=SMALL_INDEX, latency_ms=300)
        try:
            syncs = []
            for number in range(3):
                copy = copy_index(small, os.path.join(folder, f"sync-{number}.sqlite"))
                seconds, conversations, records = sync(slow.url, copy)
                if records or conversations != SMALL_INDEX:
                    raise SystemExit(f"the sync of an index holding every final record fetched {records:,} records "
                                     f"and listed {conversations:,} of {SMALL_INDEX:,} conversations")
                syncs.append(seconds)
                remove_index(copy)
            pages = -(-SMALL_INDEX // SYNC_PAGE_SIZE)
            curl = curl_jq_pages(slow.url, pages, SYNC_PAGE_SIZE, 3)
        finally:
            slow.stop()
        results["sync"] = (syncs, curl, pages)

        sleepy = Sandbox(count=SMALL_INDEX, latency_ms=2000)
        try:
            launch = launches_from_index(sleepy.url, small, first_small, folder)
            seven = launches_from_index(sleepy.url, small, first_small, folder, "--limit", "7")
            bare = []
            for _ in range(3):
                start = time.perf_counter()
                screen = browser(sleepy.url, "--no-index")
                bare.append((screen.wait(has(first_small), timeout=30) - start) * 1000)
                screen.quit()
        finally:
            sleepy.stop()
        results["launch"] = (launch, seven, bare)

        offline = copy_index(big, os.path.join(folder, "offline.sqlite"))
        first_big = newest_id(offline)
        reference = account_reference(offline)
        queries = SEARCHES + ([reference] if reference else [])
        tripwire = Tripwire()
        try:
            read_from_disk(os.path.join(BUILD, "tavus-browse"))
            screen = Screen([os.path.join(BUILD, "tavus-browse"), "--offline", "--index-path", offline],
                            rows=40, columns=120, env=tripwire.environment())
            screen.wait(lambda text: "offline" in text.split("\n", 1)[0] and first_big in text, timeout=60)
            screen.settle(0.5)
            keys = type_searches(screen, queries, prompt_answered)
            screen.settle(0.5)
            with_index = screen.resident_kib("VmHWM")
            screen.quit()
        finally:
            tripwire.stop()
        if tripwire.requests:
            raise SystemExit(f"the browser with --offline sent {len(tripwire.requests)} requests: {tripwire.requests[0]}")
        remove_index(offline)
        results["search"] = (keys, queries)

    many = Sandbox(count=BIG_INDEX)
    try:
        first_many = many.page(1, 20)["data"][0]["conversation_id"]
        read_from_disk(os.path.join(BUILD, "tavus-browse"))
        screen = browser(many.url, "--no-index")
        screen.wait(has(first_many), timeout=60)
        screen.settle(0.5)
        type_searches(screen, queries, prompt_shows, settle=0.05)
        screen.settle(0.5)
        without_index = screen.resident_kib("VmHWM")
        screen.quit()
    finally:
        many.stop()
    results["memory"] = (with_index, without_index)
    return results


def index_tables(results):
    """The index's tables, for BENCHMARKS.md."""
    median = statistics.median
    small, big = f"{SMALL_INDEX:,}", f"{BIG_INDEX:,}"
    syncs, curl, pages = results["sync"]
    launch, seven, bare = results["launch"]
    keys, queries = results["search"]
    with_index, without_index = results["memory"]
    small_size, big_size = results["size"]
    big_seconds, big_made = results["big_sync"]
    mib = 1024 * 1024
    lines = ["", f"The local index: the sandbox's conversations (seed {SEED}) synced into an index file with "
             "`tavus-browse sync`, every ended conversation's record and transcript with them, then read by the browser.", ""]
    lines.append("| the local index | median | min | max | runs |")
    lines.append("| --- | --- | --- | --- | --- |")
    lines.append(row(f"`tavus-browse sync` of {small} conversations, every record already final, "
                     f"so the list pages only (300 ms API latency)", syncs, unit="s"))
    lines.append(row(f"`curl -s … | jq -c '.data[]'` for the same {pages} pages of {SYNC_PAGE_SIZE}, one after another "
                     "(300 ms API latency)", curl, unit="s"))
    lines.append(row(f"launch to first rows from an index of {small} conversations, 2 s API latency, "
                     "default `--limit` (target < 150 ms)", launch))
    lines.append(row("… the same at `--limit 7` (target < 150 ms)", seven))
    lines.append(row("launch to first rows without an index (`--no-index`), 2 s API latency", bare))
    lines.append("")
    lines.append(f"| search as you type over {big} conversations (`--offline`), key to the prompt with its count of matches "
                 "| median | 95th percentile | max | keys |")
    lines.append("| --- | --- | --- | --- | --- |")
    p95 = statistics.quantiles(keys, n=20)[18]
    lines.append(f"| {', '.join(f'`{query}`' for query in queries)} (targets: median ≤ 30 ms, 95th percentile ≤ 80 ms) "
                 f"| {median(keys):.2f} ms | {p95:.2f} ms | {max(keys):.2f} ms | {len(keys)} |")
    lines.append("")
    lines.append("| the local index | value |")
    lines.append("| --- | --- |")
    lines.append(f"| curl jq ÷ sync of the list pages (median; target ≥ 3.5×) | {median(curl) / median(syncs):.2f}× |")
    made = f" (when the kept index was made, {big_made})" if big_made else ""
    lines.append(f"| sync of {big} conversations with their records, no latency | {big_seconds:.1f} s{made} |")
    lines.append("")
    lines.append(f"| writing into an index of {big} conversations, one transaction a page (target: median ≤ 5 ms) | median | min | max |")
    lines.append("| --- | --- | --- | --- |")
    for line in results["writes"].strip().splitlines():
        name, med, low, high = line.split("\t")
        lines.append(f"| {name} | {med} µs | {low} | {high} |")
    lines.append("")
    lines.append("| the local index | value |")
    lines.append("| --- | --- |")
    lines.append(f"| index size per 10,000 conversations with transcripts, from {small} | "
                 f"{small_size * 10_000 / SMALL_INDEX / mib:.1f} MiB |")
    lines.append(f"| … from {big} | {big_size * 10_000 / BIG_INDEX / mib:.1f} MiB |")
    lines.append(f"| peak resident memory, {big} conversations in the index (`--offline`), after the searches | "
                 f"{with_index / 1024:.1f} MiB |")
    lines.append(f"| … without an index (`--no-index`, {big} conversations in the sandbox), after the same searches | "
                 f"{without_index / 1024:.1f} MiB |")
    lines.append(f"| difference (target ≤ 10 MB) | {(with_index - without_index) / 1024:.1f} MiB |")
    return lines


def main():
    # Every browser of the run keeps its index in a folder of the run's own, never the user's cache.
    cache = tempfile.TemporaryDirectory()
    os.environ["XDG_CACHE_HOME"] = cache.name
    lines = []
    results = {}
    fast = Sandbox(count=2000)
    slow = Sandbox(count=2000, latency_ms=300)
    try:
        first = fast.page(1, 20)["data"]
        pages = {n: fast.page(n, 20)["data"][0]["conversation_id"] for n in range(1, 16)}

        launch = []
        for _ in range(20):
            start = time.perf_counter()
            screen = browser(fast.url)
            screen.wait(has(first[0]["conversation_id"]))
            launch.append((time.perf_counter() - start) * 1000)
            screen.quit()
        curl_first = curl_jq(f"{fast.url}/v2/conversations?page=1&limit=20", 20)
        results["launch"] = (launch, curl_first)

        screen = browser(slow.url)
        screen.wait(has(pages[1]))
        cached_turns, moves, details = [], [], []
        own = {"turn": [], "move": [], "detail": []}
        for press in range(50):
            screen.settle(1.0)
            forward = press % 14 < 7
            number = (press % 7) + 2 if forward else 8 - (press % 7) - 1
            cached_turns.append(screen.press(b"n" if forward else b"p", has(pages[number])))
            own["turn"].append(screen.last_first_byte)
        screen.settle(1.0)
        rows_on_page = [c["conversation_id"] for c in slow.page(1, 20)["data"]]
        screen.press(b"g", has(pages[1]))
        screen.settle(0.5)
        for index in range(50):
            down = index % 2 == 0
            target = rows_on_page[1] if down else rows_on_page[0]
            moves.append(screen.press(b"j" if down else b"k", selected(target)))
            own["move"].append(screen.last_first_byte)
        for _ in range(30):
            details.append(screen.press(b"\r", has("┌─ Conversation")))
            own["detail"].append(screen.last_first_byte)
            screen.press(b"\x1b", lambda s: "┌─ Conversation" not in s)
        uncached = []
        for target in range(20, 100, 4):
            expected = fast.page(target, 20)["data"][0]["conversation_id"]
            screen.settle(1.0)
            os.write(screen.fd, b":" + str(target).encode())
            screen.wait(has(f" :{target}█"))
            uncached.append(screen.press(b"\r", has(expected)))
            screen.press(b"g", has(pages[1]))
        screen.quit()
        curl_next = curl_jq(f"{slow.url}/v2/conversations?page=2&limit=20", 20)
        results["paging"] = (cached_turns, uncached, moves, details, curl_next)
        results["own"] = own

        screen = browser(fast.url)
        screen.wait(has(first[0]["conversation_id"]))
        screen.settle(1.0)
        before = screen.cpu_seconds()
        time.sleep(10)
        idle = (screen.cpu_seconds() - before) / 10 * 100
        screen.quit()
        results["idle"] = idle
    finally:
        fast.stop()
        slow.stop()

    # 1,000 pages of 100 turned as fast as they come: the browser writes each into its index
    # (in the run's cache folder), and once more with --no-index for comparison.
    big = Sandbox(count=100_000)
    try:
        expected = {}
        for number in range(1, 1001):
            expected[number] = big.page(number, 100)["data"][0]["conversation_id"]
        memory = {}
        for label, extra in (("index", ()), ("bare", ("--no-index",))):
            read_from_disk(os.path.join(BUILD, "tavus-browse"))
            screen = browser(big.url, "--limit", "100", *extra)
            screen.wait(has(expected[1]))
            screen.settle(0.5)
            memory[(label, 1)] = screen.resident_kib("VmHWM")
            for number in range(2, 1001):
                screen.press(b"n", has(expected[number]))
                last_key = time.perf_counter()
                if number in (100, 1000):
                    screen.settle(0.5)
                    memory[(label, number)] = screen.resident_kib("VmHWM")
            # CPU over the 10 s that start 2 s after the last key: the writer and prefetch at rest.
            screen.settle(max(0.0, last_key + 2 - time.perf_counter()))
            before = screen.cpu_seconds()
            screen.settle(10)
            memory[(label, "cpu")] = (screen.cpu_seconds() - before) / 10 * 100
            screen.quit()
        results["memory"] = memory
    finally:
        big.stop()

    # Waiting on the network: CPU used while the API takes 3 s (list) and 4 s (the browser).
    env = dict(os.environ, TAVUS_API_KEY=KEY)
    waiting = {}
    for latency in (3000, 4000):
        sleepy = Sandbox(count=50, latency_ms=latency)
        try:
            if latency == 3000:
                runs = [child_cpu([os.path.join(BUILD, "tavus-browse"), "list", "--base-url", sleepy.url, "--limit", "20"], env)
                        for _ in range(3)]
                curl = [child_cpu(["curl", "-s", "-H", f"x-api-key: {KEY}", f"{sleepy.url}/v2/conversations?page=1&limit=20"])
                        for _ in range(3)]
                waiting["list"] = (runs, curl)
            else:
                first_id = Sandbox.page(sleepy, 1, 20)["data"][0]["conversation_id"]
                samples = []
                for number in range(3):
                    # An index of its own each time, so that nothing is drawn before the API answers.
                    screen = browser(sleepy.url, "--index-path", os.path.join(cache.name, f"waiting-{number}.sqlite"))
                    start = time.perf_counter()
                    screen.wait(has(first_id), timeout=30)
                    samples.append((time.perf_counter() - start, screen.cpu_seconds()))
                    screen.quit()
                waiting["browser"] = samples
        finally:
            sleepy.stop()
    results["waiting"] = waiting

    # The pane with a huge record: PgDn key to screen, and q to exit.
    pane = {}
    for label, server_args in (("100,000 turns", {"turns": 100_000}), ("one 5 MB turn", {"turn_bytes": 5_000_000})):
        server = HugeRecordServer(**server_args)
        try:
            screen = browser(server.url, "--timeout", "60")
            screen.wait(has("Huge record"))
            screen.press(b"\r", has("Transcript"), timeout=60)
            keys = []
            for _ in range(30):
                before = pane_title(screen.text())
                keys.append(screen.press(b"\x1b[6~", lambda text, before=before: pane_title(text) != before))
            start = time.perf_counter()
            screen.quit()
            pane[label] = (keys, (time.perf_counter() - start) * 1000)
        finally:
            server.stop()
    results["pane"] = pane

    results["index"] = index_measurements()

    micro = subprocess.run([os.path.join(BUILD, "tavus-bench")], capture_output=True, text=True, check=True).stdout

    launch, curl_first = results["launch"]
    cached_turns, uncached, moves, details, curl_next = results["paging"]
    memory = results["memory"]
    median = statistics.median
    lines.append("| measurement | median | min | max | runs |")
    lines.append("| --- | --- | --- | --- | --- |")
    lines.append(row("launch to first page on screen (tavus-browse)", launch))
    lines.append(row("`curl -s … | jq .` for the same page", curl_first))
    lines.append(row("next/previous page, cached by prefetch (300 ms API latency)", cached_turns))
    lines.append(row("page not yet cached (`:N` Enter, 300 ms API latency)", uncached))
    lines.append(row("`curl -s … | jq .` for the next page (300 ms API latency)", curl_next))
    lines.append(row("move the selection (j/k)", moves))
    lines.append(row("open the detail pane (Enter)", details))
    own = results["own"]
    lines.append(row("… page turn: key to the first byte of the new frame", own["turn"]))
    lines.append(row("… selection move: key to the first byte of the new frame", own["move"]))
    lines.append(row("… detail pane: key to the first byte of the new frame", own["detail"]))
    lines.append("")
    lines.append("| ratio | value |")
    lines.append("| --- | --- |")
    lines.append(f"| launch ÷ curl jq (median) | {median(launch) / median(curl_first):.2f}× |")
    lines.append(f"| curl jq next page ÷ cached page turn, screen model (median) | {median(curl_next) / median(cached_turns):.0f}× faster |")
    lines.append(f"| curl jq next page ÷ cached page turn, first byte (median) | {median(curl_next) / median(results['own']['turn']):.0f}× faster |")
    lines.append("")
    lines.append("| memory and CPU | value |")
    lines.append("| --- | --- |")
    for label, name in (("index", "writing each page into the index"), ("bare", "`--no-index`")):
        for number in (1, 100, 1000):
            lines.append(f"| peak resident memory after {number:,} page{'s' if number > 1 else ''} of 100, {name} "
                         f"| {memory[(label, number)] / 1024:.1f} MiB |")
        lines.append(f"| … growth from 100 to 1,000 pages | {(memory[(label, 1000)] - memory[(label, 100)]) / 1024:.1f} MiB |")
        lines.append(f"| … CPU over the 10 s that start 2 s after the last key (target < 1 %) | {memory[(label, 'cpu')]:.2f} % of one core |")
    lines.append(f"| idle CPU over 10 s | {results['idle']:.2f} % of one core |")
    size = os.path.getsize(os.path.join(BUILD, "tavus-browse"))
    with tempfile.TemporaryDirectory() as folder:
        stripped = os.path.join(folder, "tavus-browse")
        subprocess.run(["strip", "-o", stripped, os.path.join(BUILD, "tavus-browse")], check=True)
        installed = os.path.getsize(stripped)
        parts = binary_parts(os.path.join(BUILD, "tavus-browse"), installed)
    lines.append(f"| release binary size (tavus-browse, static) | {size / 1024 / 1024:.1f} MiB |")
    lines.append(f"| … as `scripts/install` installs it (stripped; target ≤ 60 MiB) | {installed / 1024 / 1024:.1f} MiB |")
    for part, part_size in parts:
        lines.append(f"| … of which {part} | {part_size / 1024 / 1024:.1f} MiB |")
    lines.append("")
    lines.append("| waiting on a slow API (CPU used while waiting) | wall (median) | CPU (median) | runs |")
    lines.append("| --- | --- | --- | --- |")
    list_runs, curl_runs = results["waiting"]["list"]
    lines.append(f"| `tavus-browse list`, API answers after 3 s | {median([w for w, _ in list_runs]):.2f} s "
                 f"| {median([c for _, c in list_runs]):.3f} s | {len(list_runs)} |")
    lines.append(f"| `curl -s` for the same page | {median([w for w, _ in curl_runs]):.2f} s "
                 f"| {median([c for _, c in curl_runs]):.3f} s | {len(curl_runs)} |")
    browser_runs = results["waiting"]["browser"]
    lines.append(f"| the browser, launch to first rows, API answers after 4 s (CPU from launch) | "
                 f"{median([w for w, _ in browser_runs]):.2f} s | {median([c for _, c in browser_runs]):.3f} s | {len(browser_runs)} |")
    lines.append("")
    lines.append("| the detail pane with a huge record (release) | PgDn key to screen, median | max | q to exit |")
    lines.append("| --- | --- | --- | --- |")
    for label, (keys, quit_ms) in results["pane"].items():
        lines.append(f"| {label} | {median(keys):.2f} ms | {max(keys):.2f} ms | {quit_ms:.0f} ms |")
    lines.append("")
    lines.append("| micro (release) | median | min | max |")
    lines.append("| --- | --- | --- | --- |")
    for line in micro.strip().splitlines():
        name, med, low, high = line.split("\t")
        lines.append(f"| {name} | {med} µs | {low} | {high} |")
    lines.extend(index_tables(results["index"]))
    table = "\n".join(lines)
    print(table)

    cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "unknown")
    swift = subprocess.run(["swift", "--version"], capture_output=True, text=True).stdout.strip().splitlines()[0]
    header = (f"# Benchmarks\n\nMade by `scripts/bench` on {datetime.date.today().isoformat()}: "
              f"{os.cpu_count()} cores ({cpu}), Linux {platform.release()}, {swift}, release build with the Swift runtime and Foundation linked in, as `scripts/install` makes it. "
              "The sandbox runs as its own process on loopback; key-to-screen times are measured through a "
              "pseudo-terminal, from writing the key until the screen model shows the change. Before each run whose memory "
              "is measured, the binary's pages are dropped from the page cache, so that it is read from disk as a program "
              "started after a reboot is: just written, it would map up to 2 MiB more of the same code.\n\n")
    with open(os.path.join(ROOT, "BENCHMARKS.md"), "w") as out:
        out.write(header + table + "\n")


if __name__ == "__main__":
    sys.exit(main())
