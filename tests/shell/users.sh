# SPDX-License-Identifier: GPL-2.0-only
# Users: root su's to the unprivileged user, who cannot read, change or
# signal root's things; a file it leaves in /tmp (sticky) is safe from
# another user; cp -a and tar keep owners and modes.
id
su user -c id
su user -c whoami
ls -ld /tmp | cut -c1-10
echo secret > /tmp/rootonly
chmod 600 /tmp/rootonly
su user -c 'cat /tmp/rootonly'
su user -c 'chmod 666 /tmp/rootonly'
su user -c 'echo hello > /tmp/rootonly'
sleep 30 &
pid=$!
su user -c "kill $pid" 2>&1 | sed "s/$pid/PID/"
kill $pid && echo "root may"
su user -c 'echo mine > /tmp/userfile; ls -ln /tmp/userfile' | awk '{ print $1, $3, $4 }'
su nobody -c 'rm -f /tmp/userfile'
su user -c 'rm /tmp/userfile' && echo "the owner may"
su user -c 'cd /root' 2>&1
rm /tmp/rootonly
mkdir src && chmod 1777 src
su user -c 'echo u > src/ufile; chmod 640 src/ufile'
echo r > src/rfile
chmod 4711 src/rfile
ln -s ufile src/link
chown -h 7:8 src/link
cp -a src copy && ls -ln copy | awk '!/^total/ { print $1, $3, $4, $NF }'
tar -cf t.tar src && mkdir x && tar -xpf t.tar -C x && ls -ln x/src | awk '!/^total/ { print $1, $3, $4, $NF }'
