"""`diplomat serve` listens with Nagle's algorithm off, so keep-alive pages never wait 40 ms."""

import socket

from app.serving import APP, NoDelayConfig


def test_connections_accepted_by_the_workers_socket_have_nodelay():
    config = NoDelayConfig(APP, factory=True, host="127.0.0.1", port=0, workers=2)
    listener = config.bind_socket()
    try:
        listener.listen()
        with socket.create_connection(listener.getsockname()) as _client:
            accepted, _ = listener.accept()
            with accepted:
                assert accepted.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY) != 0
    finally:
        listener.close()
