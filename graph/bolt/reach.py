"""Why a Bolt server cannot be used: one error class, one line and one exit status per reason.

=====  ======================  =======================================================
exit   error                   when
=====  ======================  =======================================================
3      :class:`LoginRefused`   the server refused the user name or password
4      :class:`NotListening`   nothing listens at the host and port (connection refused,
                               unknown host): a wrong port, or a server that is not running
5      :class:`NotBolt`        something listens there but does not answer the Bolt
                               handshake (another service's port, or a hung server)
6      :class:`ServerLost`     the server went away during the load and did not come
                               back within the retry time (the load is idempotent: run
                               it again)
=====  ======================  =======================================================

:func:`probe` tells 4 and 5 apart before the driver connects (the driver would
wait 60 s on a port that does not answer the handshake).
"""

from __future__ import annotations

import socket
import struct

from policykg.errors import StoreError

__all__ = ["BoltError", "LoginRefused", "NotListening", "NotBolt", "ServerLost", "probe", "host_port"]

#: the Bolt preamble and four versions offered (5.4, 4.4, 4.0, 3.0)
_HANDSHAKE = b"\x60\x60\xb0\x17" + struct.pack(">IIII", 0x0405, 0x0404, 0x0004, 0x0003)


class BoltError(StoreError):
    """A Bolt server cannot be used; ``exit_code`` is the CLI's exit status for the reason."""

    exit_code = 1


class LoginRefused(BoltError):
    exit_code = 3


class NotListening(BoltError):
    exit_code = 4


class NotBolt(BoltError):
    exit_code = 5


class ServerLost(BoltError):
    exit_code = 6


def host_port(uri: str) -> tuple[str, int]:
    """The host and port of a Bolt URI (port 7687 when none is given).

    >>> host_port("bolt://127.0.0.1:6380"), host_port("neo4j://db.example.org"), host_port("bolt://[::1]:7687")
    (('127.0.0.1', 6380), ('db.example.org', 7687), ('::1', 7687))
    """
    rest = uri.split("://", 1)[-1].split("/", 1)[0].split("?", 1)[0].rsplit("@", 1)[-1]
    if rest.startswith("["):                         # [IPv6]:port
        host, _, tail = rest[1:].partition("]")
        return host, int(tail[1:]) if tail.startswith(":") and tail[1:].isdigit() else 7687
    host, sep, port = rest.rpartition(":")
    if not sep or not port.isdigit():
        return rest, 7687
    return host, int(port)


def probe(uri: str, timeout: float = 10.0) -> None:
    """Raise :class:`NotListening` or :class:`NotBolt` unless a Bolt server answers the handshake at
    ``uri``'s host and port within ``timeout`` seconds.  TLS URIs (``+s``, ``+ssc``) are left to the driver."""
    scheme = uri.split("://", 1)[0].lower()
    if scheme.endswith(("+s", "+ssc")):
        return
    host, port = host_port(uri)
    where = f"{host}:{port}"
    try:
        sock = socket.create_connection((host, port), timeout=timeout)
    except socket.gaierror:
        raise NotListening(f"unknown host '{host}': check the URI", uri) from None
    except ConnectionRefusedError:
        raise NotListening(f"nothing is listening at {where} (connection refused): is the server running, "
                           "and are the host and port right?", uri) from None
    except OSError as e:
        raise NotListening(f"cannot connect to {where} ({e.strerror or e}): is the server running, "
                           "and are the host and port right?", uri) from None
    with sock:
        try:
            sock.sendall(_HANDSHAKE)
            answer = sock.recv(4)
        except TimeoutError:
            raise NotBolt(f"{where} answers no Bolt handshake within {timeout:g} s: not a Bolt port (Neo4j's Bolt "
                          "port is 7687, its HTTP port 7474), or the server hangs", uri) from None
        except OSError as e:
            raise NotBolt(f"{where} closed the connection at the Bolt handshake ({e.strerror or e}): "
                          "not a Bolt port?", uri) from None
    if len(answer) != 4 or answer[:2] != b"\0\0" or answer == b"\0\0\0\0":
        raise NotBolt(f"{where} is not a Bolt server (it answered {answer!r} to the Bolt handshake): wrong port?",
                      uri)
