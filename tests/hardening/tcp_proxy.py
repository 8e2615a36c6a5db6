"""A TCP relay to a real server that a test can take down and bring back: PostgreSQL going
away under a running bot, as an outage does (connections cut, new ones refused)."""

from __future__ import annotations

import contextlib
import socket
import threading


class TcpProxy:
    """Relays 127.0.0.1:`port` to `target`; `down()` cuts every connection and refuses new
    ones until `up()`."""

    def __init__(self, target_host: str, target_port: int) -> None:
        self.target = (target_host, target_port)
        self._listener: socket.socket | None = None
        self._connections: list[socket.socket] = []
        self._lock = threading.Lock()
        self._cut: tuple[bytes, bool, bool] | None = None  # see cut_at_commit
        probe = socket.socket()
        probe.bind(("127.0.0.1", 0))
        self.port = int(probe.getsockname()[1])
        probe.close()

    def up(self) -> None:
        listener = socket.socket()
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", self.port))
        listener.listen(16)
        self._listener = listener
        threading.Thread(target=self._accept, args=(listener,), daemon=True).start()

    def down(self) -> None:
        with self._lock:
            listener, self._listener = self._listener, None
            connections, self._connections = self._connections, []
        if listener is not None:
            with contextlib.suppress(OSError):
                listener.shutdown(socket.SHUT_RDWR)
            listener.close()
        for connection in connections:
            with contextlib.suppress(OSError):
                connection.shutdown(socket.SHUT_RDWR)
            connection.close()

    def cut_at_commit(self, after: bytes, *, delivered: bool, then_down: bool = False) -> None:
        """Once: on the first connection that has sent `after` (e.g. b"INSERT INTO sale"), its
        next COMMIT is relayed (`delivered`) or dropped, and the connection cut before any
        answer comes back: the client cannot know whether its transaction landed.
        `then_down`: and the relay goes down with it (an outage that begins at the COMMIT)."""
        self._cut = (after, delivered, then_down)

    def _accept(self, listener: socket.socket) -> None:
        while True:
            try:
                client, _ = listener.accept()
            except OSError:
                return  # taken down
            try:
                server = socket.create_connection(self.target)
            except OSError:
                client.close()
                continue
            with self._lock:
                if self._listener is not listener:
                    client.close()
                    server.close()
                    return
                self._connections += [client, server]
            pair = _Pair(client, server)
            threading.Thread(target=self._to_server, args=(pair,), daemon=True).start()
            threading.Thread(target=_to_client, args=(pair,), daemon=True).start()

    def _to_server(self, pair: _Pair) -> None:
        seen = False
        try:
            while data := pair.client.recv(65536):
                cut = self._cut
                if cut is not None:
                    seen = seen or cut[0] in data
                    if seen and b"COMMIT" in data:
                        self._cut = None
                        pair.muted = True  # the answer never comes back
                        if cut[1]:
                            pair.server.sendall(data)
                        if cut[2]:
                            self.down()
                        break
                pair.server.sendall(data)
        except OSError:
            pass
        finally:
            pair.close()


class _Pair:
    def __init__(self, client: socket.socket, server: socket.socket) -> None:
        self.client, self.server = client, server
        self.muted = False

    def close(self) -> None:
        for end in (self.client, self.server):
            with contextlib.suppress(OSError):
                end.shutdown(socket.SHUT_RDWR)


def _to_client(pair: _Pair) -> None:
    try:
        while data := pair.server.recv(65536):
            if pair.muted:
                break
            pair.client.sendall(data)
    except OSError:
        pass
    finally:
        pair.close()
