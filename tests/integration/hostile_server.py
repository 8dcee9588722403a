#!/usr/bin/env python3
"""Servers that misbehave on purpose, for the hostile-network probe tests.

Listens on 127.0.0.1, one port per behaviour, and prints {"behaviour": port, ...} as JSON on
its first line. Each connection is served on a thread of its own until the client leaves.
"""
import json
import socket
import threading
import time

SECOND = 1.0


def read_request(conn):
    """Reads up to the end of an HTTP request's headers (or whatever the client sends)."""
    data = b""
    conn.settimeout(10)
    try:
        while b"\r\n\r\n" not in data and len(data) < 65536:
            chunk = conn.recv(4096)
            if not chunk:
                break
            data += chunk
            if not data[:1].isalpha():
                break  # not HTTP (a Redis PING, a PostgreSQL startup): answer at once
    except OSError:
        pass
    conn.settimeout(None)
    return data


def trickle(conn, data, pause):
    for byte in data:
        conn.sendall(bytes([byte]))
        time.sleep(pause)


def slow_headers(conn):
    """Slowloris: the status line and headers arrive one byte a second."""
    read_request(conn)
    trickle(conn, b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 2\r\n\r\nok",
            SECOND)


def slow_body(conn):
    """Headers at once, then a body that arrives one byte a second."""
    read_request(conn)
    conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 100000\r\n\r\n")
    trickle(conn, b"x" * 100000, SECOND)


def endless_chunked(conn):
    """A chunked JSON body that never ends, as fast as the client takes it."""
    read_request(conn)
    conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                 b"Transfer-Encoding: chunked\r\n\r\n")
    first = b'{"status":"UP","padding":"'
    conn.sendall(b"%x\r\n%s\r\n" % (len(first), first))
    chunk = b"x" * 65536
    frame = b"%x\r\n%s\r\n" % (len(chunk), chunk)
    while True:
        conn.sendall(frame)


def endless_stream(conn):
    """No length, no chunks: a body that would end when the connection closes, which it never
    does."""
    read_request(conn)
    conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nConnection: close\r\n\r\n")
    chunk = b"y" * 65536
    while True:
        conn.sendall(chunk)


def many_headers(conn):
    """Ten thousand header fields before a small answer."""
    read_request(conn)
    headers = b"".join(b"X-Filler-%d: %d\r\n" % (n, n) for n in range(10000))
    conn.sendall(b"HTTP/1.1 200 OK\r\n" + headers +
                 b"Content-Type: text/plain\r\nContent-Length: 2\r\n\r\nok")
    read_request(conn)


def endless_headers(conn):
    """Header fields that never end, as fast as the client takes them."""
    read_request(conn)
    conn.sendall(b"HTTP/1.1 200 OK\r\n")
    line = b"X-Filler: " + b"z" * 1000 + b"\r\n"
    block = line * 64
    while True:
        conn.sendall(block)


def redirect_loop(conn):
    """Every answer sends the client on to a new address, for ever."""
    request = read_request(conn)
    while request:
        path = request.split(b" ", 2)[1] if request.count(b" ") >= 2 else b"/0"
        try:
            step = int(path.rsplit(b"/", 1)[-1]) + 1
        except ValueError:
            step = 1
        conn.sendall(b"HTTP/1.1 302 Found\r\nLocation: /r/%d\r\nContent-Length: 0\r\n\r\n" % step)
        request = read_request(conn)


def silent(conn):
    """Accepts the connection, reads what comes, never says a word."""
    while conn.recv(4096):
        pass


def garbage_trickle(conn):
    """Bytes of no protocol at all, ten a second, for ever."""
    conn.settimeout(None)
    while True:
        conn.sendall(b"\x07")
        time.sleep(0.1)


def close_in_headers(conn):
    """Starts an answer and hangs up in the middle of its headers."""
    read_request(conn)
    conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/pl")
    time.sleep(0.2)


def close_in_body(conn):
    """Promises 100000 bytes, sends 1000, hangs up."""
    read_request(conn)
    conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 100000\r\n\r\n")
    conn.sendall(b"x" * 1000)
    time.sleep(0.2)


def close_in_body_at_once(conn):
    """The same, hanging up right after the last byte: Qt 6.4 may take that for a normal end."""
    read_request(conn)
    conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 100000\r\n\r\n"
                 + b"x" * 1000)


BEHAVIOURS = {
    "slow-headers": slow_headers,
    "slow-body": slow_body,
    "endless-chunked": endless_chunked,
    "endless-stream": endless_stream,
    "many-headers": many_headers,
    "endless-headers": endless_headers,
    "redirect-loop": redirect_loop,
    "silent": silent,
    "garbage-trickle": garbage_trickle,
    "close-in-headers": close_in_headers,
    "close-in-body": close_in_body,
    "close-in-body-at-once": close_in_body_at_once,
}


def serve(conn, behaviour):
    try:
        behaviour(conn)
    except OSError:
        pass  # the client gave up, which is what the probe is supposed to do
    finally:
        try:
            conn.close()
        except OSError:
            pass


def accept_loop(listener, behaviour):
    while True:
        conn, _ = listener.accept()
        threading.Thread(target=serve, args=(conn, behaviour), daemon=True).start()


def main():
    ports = {}
    for name, behaviour in BEHAVIOURS.items():
        listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", 0))
        listener.listen(64)
        ports[name] = listener.getsockname()[1]
        threading.Thread(target=accept_loop, args=(listener, behaviour), daemon=True).start()
    print(json.dumps(ports), flush=True)
    threading.Event().wait()


if __name__ == "__main__":
    main()
