# SPDX-License-Identifier: GPL-2.0-only
# Redirections and here-documents.
echo one > f
echo two >> f
cat < f
cat f nonexistent 2>/dev/null
cat nonexistent 2>&1 | sed 's/.*nonexistent.*/error reported/'
exec 3> g
echo to-fd-3 >&3
exec 3>&-
cat g
cat <<EOT
here $((1 + 2))
EOT
cat <<'EOT'
literal $HOME
EOT
read -r first rest <<EOT
alpha beta gamma
EOT
echo "$first|$rest"
{ echo a; echo b; } > h; wc -l < h
