// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QPointer>
#include <QQmlEngine>

#include <memory>

#include <QPrintDialog> // complete for QPointer in the generated QML registration
class QPrinter;

/**
 * Prints a plan through Qt's print dialog (a printer, or a PDF file): the same pages as "Als PDF
 * speichern" (Exports::renderPlan). Opens without blocking; the printer's settings are kept for the next
 * time. Needs a QApplication.
 */
class PlanPrinter : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(bool visible READ isVisible NOTIFY visibleChanged)

public:
    explicit PlanPrinter(QObject *parent = nullptr);
    ~PlanPrinter() override;
    Q_DISABLE_COPY_MOVE(PlanPrinter)

    [[nodiscard]] bool isVisible() const { return m_dialog != nullptr; }

    /** Opens the print dialog for the plan; printed() follows once it is printed. */
    Q_INVOKABLE void print(const QString &planId);
    Q_INVOKABLE void close();

Q_SIGNALS:
    void visibleChanged();
    void printed();

private:
    std::unique_ptr<QPrinter> m_printer;
    QPointer<QPrintDialog> m_dialog;
};
