// SPDX-License-Identifier: GPL-3.0-or-later
#include "filechooser.h"
#include "applogging.h"

#include "dialogwindow.h"

#include <QApplication>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QStandardPaths>

namespace {

/** Where the next dialog opens: the folder of the last file chosen, for as long as the program runs. */
QString &lastFolder()
{
    static QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    return folder;
}

} // namespace

FileChooser::FileChooser(QObject *parent)
    : QObject(parent)
{ }

FileChooser::~FileChooser()
{
    delete m_dialog;
}

void FileChooser::setMode(Mode mode)
{
    if (mode == m_mode)
        return;
    m_mode = mode;
    Q_EMIT modeChanged();
}

void FileChooser::setTitle(const QString &title)
{
    if (title == m_title)
        return;
    m_title = title;
    Q_EMIT titleChanged();
}

void FileChooser::setNameFilters(const QStringList &filters)
{
    if (filters == m_nameFilters)
        return;
    m_nameFilters = filters;
    Q_EMIT nameFiltersChanged();
}

void FileChooser::setDefaultSuffix(const QString &suffix)
{
    if (suffix == m_defaultSuffix)
        return;
    m_defaultSuffix = suffix;
    Q_EMIT defaultSuffixChanged();
}

void FileChooser::setSuggestedName(const QString &name)
{
    if (name == m_suggestedName)
        return;
    m_suggestedName = name;
    Q_EMIT suggestedNameChanged();
}

void FileChooser::open()
{
    if (m_dialog) {
        m_dialog->raise();
        return;
    }
    if (!qobject_cast<QApplication *>(QCoreApplication::instance())) {
        qCWarning(lcApp, "FileChooser needs a QApplication");
        Q_EMIT rejected();
        return;
    }
    // A folder that is not there (no "Documents" on a new account) would stand in the name field instead.
    if (!QFileInfo(lastFolder()).isDir())
        lastFolder() = QDir::homePath();
    auto *dialog = new QFileDialog(nullptr, m_title, lastFolder());
    dialog->setObjectName(QStringLiteral("fileChooserDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(m_mode == Save ? QFileDialog::AcceptSave : QFileDialog::AcceptOpen);
    dialog->setFileMode(m_mode == Save ? QFileDialog::AnyFile : QFileDialog::ExistingFile);
    dialog->setNameFilters(m_nameFilters);
    dialog->setDefaultSuffix(m_defaultSuffix);
    // Qt says "Save"/"Open" through its own translations; the client's words are sure to match its own.
    dialog->setLabelText(QFileDialog::Accept, m_mode == Save ? tr("Speichern") : tr("Öffnen"));
    if (m_mode == Save && !m_suggestedName.isEmpty())
        dialog->selectFile(m_suggestedName);
    DialogWindow::prepare(dialog, parent());
    connect(dialog, &QFileDialog::finished, this, [this, dialog](int result) {
        const QList<QUrl> files = dialog->selectedUrls();
        m_dialog = nullptr;
        Q_EMIT visibleChanged();
        if (result != QDialog::Accepted || files.isEmpty() || files.constFirst().isEmpty()) {
            Q_EMIT rejected();
            return;
        }
        lastFolder() = QFileInfo(files.constFirst().toLocalFile()).absolutePath();
        Q_EMIT accepted(files.constFirst());
    });
    m_dialog = dialog;
    dialog->open();
    Q_EMIT visibleChanged();
}

void FileChooser::close()
{
    if (m_dialog)
        m_dialog->reject();
}
