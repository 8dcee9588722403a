#!/usr/bin/env python3
"""A Redis stand-in that repeats what it was sent in its errors, as some servers and proxies
do: AUTH is refused with the password quoted, PING with the last AUTH argument quoted.
Prints its port on the first line; serves until killed.
"""
import socket
import socketserver


def read_command(stream):
    """One RESP array of bulk strings, or None at the end of the stream."""
    header = stream.readline()
    if not header.startswith(b"*"):
        return None
    parts = []
    for _ in range(int(header[1:])):
        length = int(stream.readline()[1:])
        parts.append(stream.read(length + 2)[:-2].decode("utf-8", "replace"))
    return parts


class Handler(socketserver.StreamRequestHandler):
    def handle(self):
        last_secret = ""
        while True:
            command = read_command(self.rfile)
            if command is None:
                return
            if command[0].upper() == "AUTH":
                last_secret = command[-1]
                reply = f"-WRONGPASS invalid password '{last_secret}'\r\n"
            else:
                reply = f"-NOAUTH Authentication required (tried '{last_secret}')\r\n"
            self.wfile.write(reply.encode())
            self.wfile.flush()


class Server(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True


with Server(("127.0.0.1", 0), Handler) as server:
    print(server.server_address[1], flush=True)
    server.serve_forever()
