#include "comms/IncidentExport.h"
#include "comms/IncidentPdf.h"
#include "comms/IncidentValues.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTimeZone>
#include <QtTest>

using namespace ic;
using namespace ic::comms;

namespace {

QJsonObject event(const char *at, const char *kind, const QString &text, const char *actor = "")
{
    return {{QStringLiteral("at"), QString::fromLatin1(at)},
            {QStringLiteral("kind"), QString::fromLatin1(kind)},
            {QStringLiteral("text"), text},
            {QStringLiteral("actor"), QString::fromLatin1(actor)}};
}

// An incident as `incident show --json` prints it, spanning midnight UTC.
QJsonObject fixture()
{
    return {
        {QStringLiteral("id"), QStringLiteral("2b1c7c1e-5d0e-4c53-9e0e-0d7c7f8f5a11")},
        {QStringLiteral("title"), QStringLiteral("Checkout <script>alert(1)</script> down")},
        {QStringLiteral("severity"), QStringLiteral("SEV-1")},
        {QStringLiteral("status"), QStringLiteral("Resolved")},
        {QStringLiteral("services"),
         QJsonArray{QStringLiteral("checkout"), QStringLiteral("payments")}},
        {QStringLiteral("impact"), QStringLiteral("No card payments | EU")},
        {QStringLiteral("commander"), QStringLiteral("Ana Lima")},
        {QStringLiteral("time_zone"), QStringLiteral("UTC")},
        {QStringLiteral("milestones"),
         QJsonObject{{QStringLiteral("started"), QStringLiteral("2026-11-24T23:30:00.000Z")},
                     {QStringLiteral("acknowledged"), QStringLiteral("2026-11-24T23:33:00.000Z")},
                     {QStringLiteral("resolved"), QStringLiteral("2026-11-25T01:00:00.000Z")}}},
        {QStringLiteral("mtta_seconds"), 180},
        {QStringLiteral("mttr_seconds"), 5400},
        {QStringLiteral("next_update_at"), QStringLiteral("2026-11-25T00:00:00.000Z")},
        {QStringLiteral("checklist"),
         QJsonArray{
             QJsonObject{{QStringLiteral("phase"), QStringLiteral("Initial response")},
                         {QStringLiteral("text"), QStringLiteral("Acknowledge")},
                         {QStringLiteral("due_at"), QStringLiteral("2026-11-24T23:45:00.000Z")},
                         {QStringLiteral("checked_at"), QStringLiteral("2026-11-24T23:50:00.000Z")},
                         {QStringLiteral("checked_by"), QStringLiteral("Ana Lima")}},
             QJsonObject{{QStringLiteral("phase"), QStringLiteral("Post-incident")},
                         {QStringLiteral("text"), QStringLiteral("Schedule the review")},
                         {QStringLiteral("due_at"), QStringLiteral("2026-11-25T23:30:00.000Z")}}}},
        {QStringLiteral("timeline"),
         QJsonArray{
             event("2026-11-24T23:30:00.000Z", "declared", QStringLiteral("Incident declared"),
                   "Ana Lima"),
             event("2026-11-24T23:35:00.000Z", "update-sent",
                   QStringLiteral("Initial alert copied")),
             event("2026-11-25T00:10:00.000Z", "note", QStringLiteral("TODO: raise the pool limit"),
                   "Jo"),
             event("2026-11-25T01:00:00.000Z", "status", QStringLiteral("Status: Resolved"))}},
    };
}

} // namespace

class TestIncidentExport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        qputenv("TZ", "UTC");
        // The window's module registers the QtGui half; here the test does.
        setIncidentPdfWriter(renderIncidentPdf);
    }

    void valuesFillTheTemplatesFromTheJson()
    {
        const QDateTime now =
            QDateTime::fromString(QStringLiteral("2026-11-25T02:00:00Z"), Qt::ISODate);
        const QVariantMap v = incidentValues(fixture(), now);
        QCOMPARE(v.value(QStringLiteral("service")).toString(),
                 QStringLiteral("checkout, payments"));
        QCOMPARE(v.value(QStringLiteral("channel")).toString(),
                 QStringLiteral("#incident-2026-11-24-2330"));
        QCOMPARE(v.value(QStringLiteral("duration")).toString(), QStringLiteral("1h 30m"));
        QCOMPARE(v.value(QStringLiteral("mtta")).toString(), QStringLiteral("3m"));
        QVERIFY(v.value(QStringLiteral("is_resolved")).toBool());
        QVERIFY(!v.value(QStringLiteral("is_investigating")).toBool());
        // The incident spans midnight, so times carry their date.
        const QVariantList timeline = v.value(QStringLiteral("timeline")).toList();
        QCOMPARE(timeline.size(), 4);
        QCOMPARE(timeline.first().toMap().value(QStringLiteral("time")).toString(),
                 QStringLiteral("2026-11-24 23:30"));
        QCOMPARE(v.value(QStringLiteral("announcements")).toList().size(), 1);
        QCOMPARE(v.value(QStringLiteral("action_items"))
                     .toList()
                     .first()
                     .toMap()
                     .value(QStringLiteral("text"))
                     .toString(),
                 QStringLiteral("raise the pool limit"));
        const QVariantList late = v.value(QStringLiteral("overdue_items")).toList();
        QCOMPARE(late.size(), 1);
        QCOMPARE(late.first().toMap().value(QStringLiteral("late_by")).toString(),
                 QStringLiteral("5m"));
        QCOMPARE(v.value(QStringLiteral("open_items")).toList().size(), 1);
        QCOMPARE(v.value(QStringLiteral("checklist_summary")).toString(),
                 QStringLiteral("1 of 2 checklist items done"));
    }

    // The handover's deadlines: a deadline tomorrow is not "due 17:44", and each names its zone.
    void handoverDeadlinesOnAnotherDayGiveTheirDate()
    {
        const QDateTime started = QDateTime(QDate(2026, 12, 1), QTime(16, 0), Qt::UTC);
        const QJsonObject incident{
            {QStringLiteral("time_zone"), QStringLiteral("UTC")},
            {QStringLiteral("milestones"),
             QJsonObject{{QStringLiteral("started"), started.toString(Qt::ISODateWithMs)}}},
            {QStringLiteral("checklist"),
             QJsonArray{QJsonObject{{QStringLiteral("text"), QStringLiteral("Soon")},
                                    {QStringLiteral("due_at"),
                                     started.addSecs(1800).toString(Qt::ISODateWithMs)}},
                        QJsonObject{{QStringLiteral("text"), QStringLiteral("Tomorrow")},
                                    {QStringLiteral("due_at"),
                                     started.addDays(1).toString(Qt::ISODateWithMs)}}}}};
        const QVariantList open = incidentValues(incident, started.addSecs(600))
                                      .value(QStringLiteral("open_items"))
                                      .toList();
        QCOMPARE(open.size(), 2);
        QCOMPARE(open.at(0).toMap().value(QStringLiteral("due")).toString(),
                 QStringLiteral("16:30 UTC"));
        QCOMPARE(open.at(1).toMap().value(QStringLiteral("due")).toString(),
                 QStringLiteral("2026-12-02 16:00 UTC"));
    }

    void sparseJsonGivesEmptyValuesNotCrashes()
    {
        const QVariantMap v = incidentValues({{QStringLiteral("title"), QStringLiteral("x")}},
                                             QDateTime::currentDateTimeUtc());
        QCOMPARE(v.value(QStringLiteral("title")).toString(), QStringLiteral("x"));
        QVERIFY(v.value(QStringLiteral("impact")).toString().isEmpty());
        QCOMPARE(v.value(QStringLiteral("mttr")).toString(), QStringLiteral("n/a"));
    }

    void markdownHasTheWholeRecord()
    {
        const QString md = incidentToMarkdown(fixture());
        QVERIFY2(md.startsWith(QStringLiteral("# Checkout \\<script\\>alert(1)\\</script\\> down")),
                 qPrintable(md.left(60)));
        QVERIFY(md.contains(QStringLiteral("| Impact | No card payments \\| EU |")));
        QVERIFY(md.contains(QStringLiteral("acknowledged − started")));
        QVERIFY(md.contains(QStringLiteral("### Initial response")));
        QVERIFY(md.contains(QStringLiteral("- [x] Acknowledge (done 2026-11-24 23:50 UTC by Ana "
                                           "Lima; due 2026-11-24 23:45 UTC)")));
        QVERIFY(
            md.contains(QStringLiteral("- [ ] Schedule the review (due 2026-11-25 23:30 UTC)")));
        QVERIFY(md.contains(
            QStringLiteral("| 2026-11-25 00:10 UTC | TODO: raise the pool limit | Jo |")));
    }

    // Times are in the zone the incident was declared in and name it, whoever exports it.
    void exportsShowTimesInTheIncidentsZone()
    {
        QJsonObject incident = fixture();
        incident.insert(QStringLiteral("time_zone"), QStringLiteral("Europe/Berlin"));
        const QString md = incidentToMarkdown(incident);
        QVERIFY2(md.contains(QStringLiteral("| Started | 2026-11-25 00:30 CET |")), qPrintable(md));
        QVERIFY(md.contains(
            QStringLiteral("| 2026-11-25 01:10 CET | TODO: raise the pool limit | Jo |")));
        QVERIFY(incidentToHtml(incident).contains(QStringLiteral("2026-11-25 01:10 CET")));
    }

    // A note replaced by an edit stays in the record, marked; the postmortem and the other
    // messages tell only the text that stands, and its TODO once.
    void replacedNotesAreMarkedInExportsAndLeftOutOfMessages()
    {
        QJsonObject incident = fixture();
        QJsonArray timeline = incident.value(QStringLiteral("timeline")).toArray();
        QJsonObject original = timeline.at(2).toObject();
        original.insert(QStringLiteral("superseded"), true);
        timeline.replace(2, original);
        timeline.insert(3, ::event("2026-11-25T00:12:00.000Z", "note-edited",
                                   QStringLiteral("TODO: raise the pool limit to 50"), "Jo"));
        incident.insert(QStringLiteral("timeline"), timeline);

        const QString md = incidentToMarkdown(incident);
        QVERIFY2(md.contains(QStringLiteral("TODO: raise the pool limit (replaced) | Jo |")),
                 qPrintable(md));
        QVERIFY(md.contains(QStringLiteral("TODO: raise the pool limit to 50 | Jo |")));
        QVERIFY(incidentToHtml(incident).contains(
            QStringLiteral("TODO: raise the pool limit (replaced)")));

        const QVariantMap values = incidentValues(incident, QDateTime::currentDateTimeUtc());
        QStringList texts;
        for (const QVariant &event : values.value(QStringLiteral("timeline")).toList())
            texts << event.toMap().value(QStringLiteral("text")).toString();
        QVERIFY(!texts.contains(QStringLiteral("TODO: raise the pool limit")));
        QVERIFY(texts.contains(QStringLiteral("TODO: raise the pool limit to 50")));
        const QVariantList actions = values.value(QStringLiteral("action_items")).toList();
        QCOMPARE(actions.size(), 1);
        QCOMPARE(actions.first().toMap().value(QStringLiteral("text")).toString(),
                 QStringLiteral("raise the pool limit to 50"));
    }

    void markdownTakesNoHtmlOrImagesFromData()
    {
        QJsonObject incident = fixture();
        QJsonArray timeline = incident.value(QStringLiteral("timeline")).toArray();
        timeline.append(::event("2026-11-25T00:20:00.000Z", "note",
                                QStringLiteral("see ![chart](https://evil.example/track.png) "
                                               "<img src=x onerror=alert(1)>\n# Not a heading"),
                                "Jo"));
        incident.insert(QStringLiteral("timeline"), timeline);
        QJsonArray checklist = incident.value(QStringLiteral("checklist")).toArray();
        QJsonObject item = checklist.at(1).toObject();
        item.insert(QStringLiteral("note"), QStringLiteral("[Reset SSO](https://evil.example)"));
        checklist.replace(1, item);
        incident.insert(QStringLiteral("checklist"), checklist);
        incident.insert(QStringLiteral("postmortem"),
                        QStringLiteral("## Summary\n\nPool limit. <iframe src=https://evil.example>"
                                       "\n![x](https://evil.example/pixel.png)\n"));
        const QString md = incidentToMarkdown(incident);
        // No raw HTML, image or heading is left unescaped; links are checked below.
        static const QRegularExpression active(
            QStringLiteral("(?<![\\\\&])<(img|script|iframe)|!\\[|\\n# Not"));
        QVERIFY2(!md.contains(active), qPrintable(md));
        QVERIFY(md.contains(QStringLiteral("see !\\[chart\\](https://evil.example/track.png) "
                                           "\\<img src=x onerror=alert(1)\\> # Not a heading")));
        QVERIFY(md.contains(QStringLiteral("note: \\[Reset SSO\\](https://evil.example)")));
        // The postmortem keeps its own Markdown.
        QVERIFY(md.contains(QStringLiteral("## Summary\n\nPool limit. &lt;iframe")));
    }

    void htmlIsSelfContainedAndInert()
    {
        const QString html = incidentToHtml(fixture());
        QVERIFY(
            html.contains(QStringLiteral("Checkout &lt;script&gt;alert(1)&lt;/script&gt; down")));
        QVERIFY(!html.contains(QStringLiteral("<script"), Qt::CaseInsensitive));
        QVERIFY(!html.contains(QStringLiteral("src="), Qt::CaseInsensitive));
        QVERIFY(!html.contains(QStringLiteral("http://")) &&
                !html.contains(QStringLiteral("https://")));
        // No event-handler attributes such as onload= or onerror=.
        QVERIFY(!html.contains(QRegularExpression(QStringLiteral("<[^>]*\\son[a-z]+\\s*="),
                                                  QRegularExpression::CaseInsensitiveOption)));
        QVERIFY(html.contains(QStringLiteral("Content-Security-Policy")));
        QVERIFY(html.contains(QStringLiteral("default-src 'none'")));
    }

    void pdfIsWrittenAndValid()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("incident.pdf"));
        const Result<void> written = writeIncidentPdf(fixture(), path);
        QVERIFY2(written, qPrintable(written.error()));
        QFile pdf(path);
        QVERIFY(pdf.open(QIODevice::ReadOnly));
        const QByteArray bytes = pdf.readAll();
        QVERIFY(bytes.startsWith("%PDF-"));
        QVERIFY(bytes.contains("/Type /Page\n") || bytes.contains("/Type /Page "));
        QVERIFY(bytes.trimmed().endsWith("%%EOF"));
    }

    void pdfOfAHugeTimelineIsBoundedAndTheHtmlKeepsEveryEvent()
    {
        QJsonObject incident = fixture();
        QJsonArray timeline;
        const QDateTime start = QDateTime(QDate(2026, 11, 24), QTime(23, 30), QTimeZone::utc());
        for (int i = 0; i < 300'000; ++i)
            timeline.append(
                QJsonObject{{QStringLiteral("at"), start.addSecs(i).toString(Qt::ISODateWithMs)},
                            {QStringLiteral("kind"), QStringLiteral("note")},
                            {QStringLiteral("text"), QStringLiteral("event %1").arg(i)},
                            {QStringLiteral("actor"), QStringLiteral("importer")}});
        incident.insert(QStringLiteral("timeline"), timeline);

        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("huge.pdf"));
        QElapsedTimer took;
        took.start();
        const Result<void> written = writeIncidentPdf(incident, path);
        qInfo("PDF of a 300,000-event incident written in %lld ms", qlonglong(took.elapsed()));
        QVERIFY2(written, qPrintable(written.error()));
        QVERIFY2(took.elapsed() < 30'000, "the PDF's timeline is not bounded");
        QVERIFY(QFileInfo(path).size() > 0);

        const QString html = incidentToHtml(incident);
        QVERIFY(html.contains(QStringLiteral("<td>event 0</td>")));
        QVERIFY(html.contains(QStringLiteral("<td>event 299999</td>")));
        QVERIFY(!html.contains(QStringLiteral("older events are left out")));
    }

    void unwritablePdfPathIsReported()
    {
        const Result<void> written =
            writeIncidentPdf(fixture(), QStringLiteral("/nonexistent-dir/x.pdf"));
        QVERIFY(!written);
        QVERIFY(written.error().contains(QStringLiteral("/nonexistent-dir/x.pdf")));
    }
};

QTEST_MAIN(TestIncidentExport)
#include "test_incident_export.moc"
