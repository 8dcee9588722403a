#!/usr/bin/env python3
"""Alert sources that misbehave on purpose, for the alert integration tests and benchmark.

Listens on 127.0.0.1, one port per behaviour, and prints {"behaviour": port, ...} as JSON on
its first line. Each connection is served on a thread of its own. With --alerts N the
"many" behaviour lists N alerts (default 50000).
"""
import json
import socket
import sys
import threading
import time


def read_request(conn):
    data = b""
    conn.settimeout(10)
    try:
        while b"\r\n\r\n" not in data and len(data) < 65536:
            chunk = conn.recv(4096)
            if not chunk:
                break
            data += chunk
    except OSError:
        pass
    conn.settimeout(None)
    return data


def answer(conn, body, content_type=b"application/json"):
    conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: %s\r\nContent-Length: %d\r\n"
                 b"Connection: close\r\n\r\n" % (content_type, len(body)) + body)


def many_alerts(count):
    alerts = []
    for i in range(count):
        alerts.append({
            "fingerprint": "%016x" % (0x1000 + i),
            "labels": {"alertname": "Flood%d" % (i % 50), "severity": ["critical", "warning"][i % 2],
                       "instance": "host-%d:9100" % i, "job": "node"},
            "annotations": {"summary": "Flood alert %d" % i,
                            "runbook_url": "https://runbooks.example.com/flood%d" % (i % 50)},
            "startsAt": "2026-12-04T21:33:07.526Z",
            "status": {"state": "active", "silencedBy": [], "inhibitedBy": []},
        })
    return json.dumps(alerts).encode()


def hang(conn):
    """Takes the request and never answers."""
    read_request(conn)
    time.sleep(3600)


def garbage(conn):
    read_request(conn)
    answer(conn, b"<html><body>502 Bad Gateway</body></html>", b"text/html")


def make_big(body):
    """A 20 MB answer: alerts whose labels are 5000 bytes long."""
    def big(conn):
        read_request(conn)
        try:
            answer(conn, body)
        except OSError:
            pass
    return big


def big_alerts():
    item = b'{"labels":{"alertname":"Big","pad":"' + b"x" * 5000 + b'","i":"%d"}}'
    items = [item % i for i in range(20 * 1024 * 1024 // len(item))]
    return b"[" + b",".join(items) + b"]"


def endless(conn):
    """Alerts without a Content-Length that never end, as fast as the client takes them."""
    read_request(conn)
    conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n[")
    item = b'{"labels":{"alertname":"Endless","pad":"' + b"x" * 4000 + b'"}},' * 16
    try:
        while True:
            conn.sendall(item)
    except OSError:
        pass


def huge_declared(conn):
    """Announces 100 MB up front."""
    read_request(conn)
    conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                 b"Content-Length: 104857600\r\n\r\n[")
    time.sleep(30)


def make_many(body):
    def many(conn):
        read_request(conn)
        try:
            answer(conn, body)
        except OSError:
            pass
    return many


def serve(conn, behaviour):
    try:
        behaviour(conn)
    except OSError:
        pass
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
    count = 50000
    if len(sys.argv) == 3 and sys.argv[1] == "--alerts":
        count = int(sys.argv[2])
    behaviours = {"hang": hang, "garbage": garbage, "endless": endless,
                  "huge_declared": huge_declared, "big": make_big(big_alerts()),
                  "many": make_many(many_alerts(count))}
    ports = {}
    for name, behaviour in behaviours.items():
        listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", 0))
        listener.listen(16)
        ports[name] = listener.getsockname()[1]
        threading.Thread(target=accept_loop, args=(listener, behaviour), daemon=True).start()
    print(json.dumps(ports), flush=True)
    # Ends with the test: stdin closes when the test process goes away.
    sys.stdin.read()


if __name__ == "__main__":
    main()
