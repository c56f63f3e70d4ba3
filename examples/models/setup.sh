#!/usr/bin/env bash
# Sets up the example model servers: the Debian packages they read data from and a virtualenv with
# their Python packages at examples/models/.venv. Idempotent: a second run installs nothing new.
#
#   examples/models/setup.sh            # PYTHON=python3.12 examples/models/setup.sh picks the interpreter
#
# Needs root (or sudo) only when a Debian package is missing.
set -euo pipefail
cd "$(dirname "$0")"

python=${PYTHON:-python3}
packages=(dataset-fashion-mnist)
if ! "$python" -c 'import ensurepip, venv' >/dev/null 2>&1; then
    packages+=(python3-venv)
fi

missing=()
for package in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$package")
    fi
done
if [ ${#missing[@]} -gt 0 ]; then
    echo "setup: installing Debian packages ${missing[*]}"
    sudo_cmd=()
    if [ "$(id -u)" -ne 0 ]; then sudo_cmd=(sudo); fi
    "${sudo_cmd[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
else
    echo "setup: Debian packages present (${packages[*]})"
fi

if [ ! -x .venv/bin/python ]; then
    echo "setup: creating .venv with $("$python" --version 2>&1)"
    "$python" -m venv .venv
fi

# Reinstall only when requirements.txt changed since the last successful install.
stamp=.venv/.requirements.sha256
wanted=$(sha256sum requirements.txt | cut -d' ' -f1)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$wanted" ]; then
    echo "setup: installing requirements.txt into .venv"
    .venv/bin/python -m pip install --quiet --disable-pip-version-check --upgrade pip
    .venv/bin/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
    echo "$wanted" > "$stamp"
else
    echo "setup: .venv is up to date with requirements.txt"
fi

.venv/bin/python - <<'PY'
import cv2, numpy, PIL, sklearn, joblib
print(f"setup: ready: numpy {numpy.__version__}, scikit-learn {sklearn.__version__}, pillow {PIL.__version__}, "
      f"opencv {cv2.__version__}, joblib {joblib.__version__}")
PY
