"""Running the site under uvicorn, with one fix to how it listens.

With `--workers N` uvicorn binds the listening socket itself as `socket.socket(family)`, whose
protocol number is 0, and asyncio only turns Nagle's algorithm off (TCP_NODELAY) on accepted
sockets whose protocol is IPPROTO_TCP. Pages written in two sends (headers, then body) then
wait for the client's delayed ACK: a steady 40 ms on every keep-alive request. Linux copies
TCP_NODELAY from the listening socket to the connections it accepts, so setting it there
fixes every worker.
"""

import socket
import sys

import uvicorn
from uvicorn.server import STARTUP_FAILURE
from uvicorn.supervisors import Multiprocess

APP = "app.main:create_app"


class NoDelayConfig(uvicorn.Config):
    def bind_socket(self) -> socket.socket:
        sock = super().bind_socket()
        if sock.family in (socket.AF_INET, socket.AF_INET6):
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        return sock


def serve(host: str, port: int, workers: int) -> None:
    """Serve the app in `workers` processes (this one when 1), as `uvicorn.run` would."""
    config = NoDelayConfig(APP, factory=True, host=host, port=port, workers=workers)
    server = uvicorn.Server(config)
    try:
        if workers > 1:
            Multiprocess(config, sockets=[config.bind_socket()]).run()
        else:
            server.run()
    except KeyboardInterrupt:
        pass
    if workers == 1 and not server.started:
        sys.exit(STARTUP_FAILURE)  # e.g. the port is taken; uvicorn has said why
