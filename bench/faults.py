#!/usr/bin/env python3
"""Load for bench/faults.sh: a stream of acknowledged API writes, and reads, against one CooperaNet.

  faults.py writes BASE TOKEN SECONDS ACKED_FILE        writes until SECONDS pass or the app dies;
                                                         each 201 appends the new entry's id to ACKED_FILE
  faults.py mixed BASE TOKEN SECONDS REPORT_JSON        4 readers + 1 writer that retries each write with
                                                         the same Idempotency-Key until it gets an answer
"""
import json, sys, threading, time, urllib.error, urllib.request, uuid

def offer(n):
    return json.dumps({
        "language": "es", "title": f"Oferta de prueba de fallos {n} {uuid.uuid4().hex[:8]}",
        "summary": "Acompañamiento a operadores comunitarios.", "description": "Visitas técnicas y formación.",
        "sectors": ["14030"], "sdgs": ["6"], "modality": "technical-assistance", "workingLanguages": ["es"],
        "openTo": ["South America"], "institution": "APC-Colombia", "contactName": "Ana Pérez",
        "contactEmail": "ana.perez@example.org", "startsOn": "2027-02-01", "endsOn": "2027-06-30",
        "costSharing": "Compartidos.", "expiresOn": "2027-12-31"}).encode()

def call(base, token, method, path, body=None, key=None, timeout=10):
    req = urllib.request.Request(base + path, data=body, method=method)
    req.add_header("Authorization", "Bearer " + token)
    if body is not None:
        req.add_header("Content-Type", "application/json")
    if key:
        req.add_header("Idempotency-Key", key)
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            return r.status, dict(r.headers), r.read()
    except urllib.error.HTTPError as e:
        return e.code, dict(e.headers), e.read()
    except Exception as e:  # connection refused or reset: the app is down
        return None, {}, str(e).encode()

def writes(base, token, seconds, acked_file):
    end, n, failures = time.time() + seconds, 0, 0
    with open(acked_file, "a") as out:
        while time.time() < end:
            n += 1
            status, _, body = call(base, token, "POST", "/api/v1/offers", offer(n), key=str(uuid.uuid4()))
            if status == 201:
                out.write(json.loads(body)["id"] + "\n")
                out.flush()   # acknowledged: the client knows it is saved
            elif status is None:
                failures += 1
                if failures > 20:
                    return
                time.sleep(0.05)

def mixed(base, token, seconds, report):
    end = time.time() + seconds
    lock = threading.Lock()
    log = []   # (time, kind, status)
    def record(kind, status):
        with lock:
            log.append((time.time(), kind, status))
    def reader():
        while time.time() < end:
            status, _, _ = call(base, token, "GET", "/api/v1/events")
            record("read", status)
            if status != 200:
                time.sleep(0.1)
    writes_done = []
    def writer():
        n = 0
        while time.time() < end:
            n += 1
            key, body, tries, replayed = str(uuid.uuid4()), offer(n), 0, False
            while True:
                tries += 1
                status, headers, answer = call(base, token, "POST", "/api/v1/offers", body, key=key)
                record("write", status)
                if status == 201:
                    replayed = headers.get("Idempotent-Replayed") == "true"
                    writes_done.append({"id": json.loads(answer)["id"], "tries": tries, "replayed": replayed})
                    break
                if time.time() > end + 60:
                    writes_done.append({"id": None, "tries": tries, "last": status})
                    break
                time.sleep(0.2)
            time.sleep(0.05)
    threads = [threading.Thread(target=reader) for _ in range(4)] + [threading.Thread(target=writer)]
    for t in threads: t.start()
    for t in threads: t.join()
    json.dump({"log": log, "writes": writes_done}, open(report, "w"))

if __name__ == "__main__":
    mode, base, token, seconds, path = sys.argv[1], sys.argv[2], sys.argv[3], float(sys.argv[4]), sys.argv[5]
    (writes if mode == "writes" else mixed)(base, token, seconds, path)
