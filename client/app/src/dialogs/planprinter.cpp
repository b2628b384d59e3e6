// SPDX-License-Identifier: GPL-3.0-or-later
#include "planprinter.h"
#include "applogging.h"

#include "dialogwindow.h"
#include "session/session.h"

#include <QApplication>
#include <QDir>
#include <QStandardPaths>
#include <QPrintDialog>
#include <QPrinter>

PlanPrinter::PlanPrinter(QObject *parent)
    : QObject(parent)
{ }

PlanPrinter::~PlanPrinter()
{
    delete m_dialog;
}

void PlanPrinter::print(const QString &planId)
{
    if (m_dialog) {
        m_dialog->raise();
        return;
    }
    if (!qobject_cast<QApplication *>(QCoreApplication::instance())) {
        qCWarning(lcApp, "PlanPrinter needs a QApplication");
        return;
    }
    if (!m_printer)
        m_printer = std::make_unique<QPrinter>(QPrinter::HighResolution);
    Session *session = Session::of(this);
    const QString title = session ? session->fieldValue(planId, QStringLiteral("title")) : QString();
    m_printer->setDocName(title);
    // "Print to file" offers a PDF named after the plan, in the documents folder (else Qt offers the home folder).
    if (m_printer->outputFileName().isEmpty() || !m_printer->outputFileName().endsWith(QStringLiteral(".pdf")))
        m_printer->setOutputFileName(QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
                                             .filePath((title.isEmpty() ? tr("Plan") : title) + QStringLiteral(".pdf")));
    auto *dialog = new QPrintDialog(m_printer.get());
    dialog->setObjectName(QStringLiteral("planPrintDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Plan drucken"));
    DialogWindow::prepare(dialog, parent());
    connect(dialog, &QDialog::accepted, this, [this, planId, session = QPointer<Session>(session)] {
        if (session && session->printPlan(planId, *m_printer))
            Q_EMIT printed();
    });
    connect(dialog, &QPrintDialog::finished, this, [this] {
        m_dialog = nullptr;
        Q_EMIT visibleChanged();
    });
    m_dialog = dialog;
    dialog->open();
    Q_EMIT visibleChanged();
}

void PlanPrinter::close()
{
    if (m_dialog)
        m_dialog->reject();
}
