"""A desktop notification server for the e2e tests, on a private D-Bus session bus.

Chromium on Linux shows an extension's notifications through the freedesktop Desktop Notifications service
(org.freedesktop.Notifications on the session bus) and turns the server's ActionInvoked(id, "default") signal
into chrome.notifications.onClicked: exactly what a notification daemon sends when a person clicks a popup.
Spec: https://specifications.freedesktop.org/notification-spec/latest/protocol.html
Writes one JSON line per event on stdout (ready, notify, close, clicked); reads "click <id>" lines on stdin.
Needs python3-gi (GObject introspection); the bus is started by desktop-notifications.ts.
"""
import sys, json
from gi.repository import Gio, GLib
XML = '''<node><interface name="org.freedesktop.Notifications">
<method name="GetCapabilities"><arg type="as" direction="out"/></method>
<method name="Notify"><arg type="s" direction="in"/><arg type="u" direction="in"/><arg type="s" direction="in"/><arg type="s" direction="in"/><arg type="s" direction="in"/><arg type="as" direction="in"/><arg type="a{sv}" direction="in"/><arg type="i" direction="in"/><arg type="u" direction="out"/></method>
<method name="CloseNotification"><arg type="u" direction="in"/></method>
<method name="GetServerInformation"><arg type="s" direction="out"/><arg type="s" direction="out"/><arg type="s" direction="out"/><arg type="s" direction="out"/></method>
<signal name="NotificationClosed"><arg type="u"/><arg type="u"/></signal>
<signal name="ActionInvoked"><arg type="u"/><arg type="s"/></signal>
</interface></node>'''
node = Gio.DBusNodeInfo.new_for_xml(XML)
state = {'n': 0, 'conn': None}
def out(o):
    print(json.dumps(o), flush=True)
def call(conn, sender, path, iface, method, params, inv):
    if method == 'GetCapabilities':
        inv.return_value(GLib.Variant('(as)', (['actions', 'body'],)))
    elif method == 'GetServerInformation':
        inv.return_value(GLib.Variant('(ssss)', ('fake', 'baton', '1', '1.2')))
    elif method == 'Notify':
        a = params.unpack()
        state['n'] += 1
        nid = a[1] or state['n']
        out({'event': 'notify', 'id': nid, 'summary': a[3], 'body': a[4], 'actions': a[5]})
        inv.return_value(GLib.Variant('(u)', (nid,)))
    elif method == 'CloseNotification':
        out({'event': 'close', 'id': params.unpack()[0]})
        inv.return_value(None)
def on_bus(conn, name):
    state['conn'] = conn
    conn.register_object('/org/freedesktop/Notifications', node.interfaces[0], call, None, None)
def on_name(conn, name):
    out({'event': 'ready'})
def on_stdin(ch, cond):
    line = ch.readline()
    if not line:
        loop.quit(); return False
    parts = line.split()
    if parts and parts[0] == 'click':
        state['conn'].emit_signal(None, '/org/freedesktop/Notifications', 'org.freedesktop.Notifications', 'ActionInvoked', GLib.Variant('(us)', (int(parts[1]), 'default')))
        state['conn'].flush_sync(None)
        out({'event': 'clicked', 'id': int(parts[1])})
    return True
Gio.bus_own_name(Gio.BusType.SESSION, 'org.freedesktop.Notifications', Gio.BusNameOwnerFlags.NONE, on_bus, on_name, None)
ch = GLib.IOChannel.unix_new(sys.stdin.fileno())
GLib.io_add_watch(ch, GLib.IO_IN | GLib.IO_HUP, on_stdin)
loop = GLib.MainLoop(); loop.run()
