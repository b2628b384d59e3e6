// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QPointer>
#include <QQmlEngine>
#include <QUrl>

#include <QFileDialog> // complete for QPointer in the generated QML registration

/**
 * The file dialog of the client: Qt Widgets' QFileDialog (the platform's where it has one), opened from
 * QML. Saving accepts a typed new name, adds defaultSuffix when the name has none, asks before
 * replacing a file, and Return confirms; its button says "Speichern" ("Öffnen" when opening). It opens
 * without blocking (open()), in the folder used last, so the window keeps drawing and tests can drive it.
 * Needs a QApplication.
 */
class FileChooser : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(Mode mode READ mode WRITE setMode NOTIFY modeChanged)
    Q_PROPERTY(QString title READ title WRITE setTitle NOTIFY titleChanged)
    /** "PDF-Dokumente (*.pdf)", … */
    Q_PROPERTY(QStringList nameFilters READ nameFilters WRITE setNameFilters NOTIFY nameFiltersChanged)
    /** "pdf": what a saved name without an extension gets. */
    Q_PROPERTY(QString defaultSuffix READ defaultSuffix WRITE setDefaultSuffix NOTIFY defaultSuffixChanged)
    /** The name offered when saving ("Werkstattplan Adorf.pdf"); empty: none. */
    Q_PROPERTY(QString suggestedName READ suggestedName WRITE setSuggestedName NOTIFY suggestedNameChanged)
    Q_PROPERTY(bool visible READ isVisible NOTIFY visibleChanged)

public:
    enum Mode { Open, Save };
    Q_ENUM(Mode)

    explicit FileChooser(QObject *parent = nullptr);
    ~FileChooser() override;
    Q_DISABLE_COPY_MOVE(FileChooser)

    [[nodiscard]] Mode mode() const { return m_mode; }
    void setMode(Mode mode);
    [[nodiscard]] QString title() const { return m_title; }
    void setTitle(const QString &title);
    [[nodiscard]] QStringList nameFilters() const { return m_nameFilters; }
    void setNameFilters(const QStringList &filters);
    [[nodiscard]] QString defaultSuffix() const { return m_defaultSuffix; }
    void setDefaultSuffix(const QString &suffix);
    [[nodiscard]] QString suggestedName() const { return m_suggestedName; }
    void setSuggestedName(const QString &name);
    [[nodiscard]] bool isVisible() const { return m_dialog != nullptr; }

    /** Shows the dialog; accepted() or rejected() follows. */
    Q_INVOKABLE void open();
    Q_INVOKABLE void close();

Q_SIGNALS:
    void modeChanged();
    void titleChanged();
    void nameFiltersChanged();
    void defaultSuffixChanged();
    void suggestedNameChanged();
    void visibleChanged();
    /** The file chosen (to save: it may not exist yet; replacing one was confirmed). */
    void accepted(const QUrl &file);
    void rejected();

private:
    Mode m_mode = Save;
    QString m_title;
    QStringList m_nameFilters;
    QString m_defaultSuffix;
    QString m_suggestedName;
    QPointer<QFileDialog> m_dialog;
};
