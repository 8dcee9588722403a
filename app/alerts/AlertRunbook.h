#pragma once

#include "Alert.h"
#include "runbooks/RunbookTypes.h"

#include <QHash>
#include <optional>
#include <vector>

namespace ic::alerts {

// The local runbook for an alert, and when its runbook_url names none, why.
struct RunbookMatch
{
    std::optional<runbooks::RunbookRecord> runbook;
    QString matchedBy; // "runbook_url" or "alertname"
    // "runbook_url points to … — no local runbook; closest: …", so dead links surface.
    QString problem;
};

// Finds alerts' runbooks in the local index, wherever their links point: the runbook_url's
// last path segment (or its #alert-name-… fragment) against file names, ids, titles and
// aliases, ignoring case and separators (".../kubernetes/kubepodcrashlooping" finds
// KubePodCrashLooping.md or a runbook with that alias), then the alertname label the same
// way. Built once for a list of runbooks; resolving is a few hash look-ups. Use it on one
// thread at a time.
class RunbookResolver
{
public:
    explicit RunbookResolver(std::vector<runbooks::RunbookRecord> records = {});

    RunbookMatch resolve(const Alert &alert) const;
    bool isEmpty() const { return m_records.empty(); }

private:
    std::optional<runbooks::RunbookRecord> lookup(const QString &name) const;
    QString closest(const QString &name) const;

    std::vector<runbooks::RunbookRecord> m_records;
    QHash<QString, std::size_t> m_byKey; // normalised name → record
    std::vector<std::pair<QString, std::size_t>> m_keys;
    // Thousands of alerts share a few dead links: each is measured once.
    mutable QHash<QString, QString> m_closest;
};

// Lower case letters and digits only: "Kube-Pod_Crash looping" → "kubepodcrashlooping".
QString runbookKey(const QString &name);
// The names a runbook_url points at, best first: its #alert-name-… fragment, then its last
// path segment without an extension. Empty for no URL.
QStringList runbookUrlNames(const QString &url);

} // namespace ic::alerts
