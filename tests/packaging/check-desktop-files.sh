#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The desktop entry and the AppStream metadata as the package installs them: no errors from
# desktop-file-validate or appstreamcli (warnings fail too; pedantic remarks do not).
# Usage: check-desktop-files.sh DESKTOP_FILE METAINFO_FILE
set -eu
desktop-file-validate "$1"
appstreamcli validate --no-net --explain "$2"
