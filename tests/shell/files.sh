# SPDX-License-Identifier: GPL-2.0-only
# Creating, renaming, linking and unlinking files and directories.
mkdir -p a/b/c
echo content > a/b/c/file
mv a/b/c/file a/moved
ln a/moved a/hard
ln -s moved a/soft
cat a/soft
ls -l a/hard | awk '{ print $1, $2 }'
readlink a/soft
rm a/moved
cat a/hard
cat a/soft 2>/dev/null || echo "dangling"
cp a/hard a/copy; cmp a/hard a/copy && echo same
find a | sort
rm -r a/b
rmdir a 2>/dev/null || echo "not empty"
rm a/*
rmdir a && echo removed
touch x; chmod 755 x; ls -l x | cut -c1-10
touch -d '2001-02-03 04:05:06' x; stat -c %Y x
echo more >> x; test "$(stat -c %Y x)" -gt 981173106 && echo "mtime follows writes"
echo $(pwd | sed 's,.*/,,')
cd / && pwd
