"""``policykg serve``: a local web server over one build — a SPARQL 1.1 Protocol endpoint, a Cypher
endpoint and a browser app (search, entity pages with their evidence, jurisdiction comparison,
saved queries, interactive views).

Everything is read-only and local: the stores are opened read-only, updates are refused, and the
pages load nothing from outside the server.
"""

from __future__ import annotations

import errno
import socket
from pathlib import Path

from policykg.errors import PolicyKGError

from .app import DEFAULT_TIMEOUT, create_app

__all__ = ["create_app", "serve", "listen_problem", "DEFAULT_TIMEOUT"]


def listen_problem(host: str, port: int) -> str | None:
    """Why the server could not listen on ``host:port`` now (None when it could)."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as e:
        return f"unknown host '{host}' ({e.strerror})"
    family, kind, proto, _, address = infos[0]
    with socket.socket(family, kind, proto) as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind(address)
        except OSError as e:
            if e.errno == errno.EADDRINUSE:
                return "the port is in use (choose another with --port)"
            return f"cannot listen there ({e.strerror})"
    return None


def serve(build_dir: Path, host: str = "127.0.0.1", port: int = 7878, timeout: float | None = DEFAULT_TIMEOUT,
          ready=None) -> None:
    """Serve ``build_dir`` until interrupted (Ctrl-C); ``ready(url)`` is called once it listens."""
    import uvicorn

    app = create_app(build_dir, timeout)
    config = uvicorn.Config(app, host=host, port=port, log_level="warning", access_log=False, lifespan="on")
    server = uvicorn.Server(config)
    if ready is not None:
        shown = f"[{host}]" if ":" in host else host
        original = server.startup

        async def startup(sockets=None) -> None:
            await original(sockets)
            if server.started:
                ready(f"http://{shown}:{port}/")
        server.startup = startup           # type: ignore[method-assign]
    try:
        server.run()             # Ctrl-C: uvicorn shuts down, then raises KeyboardInterrupt again
    except SystemExit:           # uvicorn could not bind
        server.started = False
    if not server.started:
        raise PolicyKGError(f"cannot listen on {host}:{port} (is the port in use? choose another with --port)")
