// escapeGo / serialiseXml against Go's documented encoding/xml behaviour:
// - EscapeText/EscapeString: " → &#34;, ' → &#39;, & → &amp;, < → &lt;, > → &gt;,
//   tab → &#x9;, newline → &#xA;, carriage return → &#xD;;
// - characters outside XML's Char production (C0 controls other than tab/LF/CR, U+FFFE, U+FFFF,
//   unpaired surrogates) are written as U+FFFD;
// - MarshalIndent: one element per line, prefix+indent per depth, never self-closing, character
//   data inline between the tags, attributes in field order.
import { el, escapeGo, serialiseXml, textEl } from '@l1vh/core';
import { describe, expect, it } from 'vitest';

describe('escapeGo', () => {
  it('escapes the five XML specials with Go numeric references for quotes', () => {
    expect(escapeGo(`a"b'c&d<e>f`)).toBe('a&#34;b&#39;c&amp;d&lt;e&gt;f');
  });
  it('writes tab, newline and carriage return as hex character references', () => {
    expect(escapeGo('\t\n\r')).toBe('&#x9;&#xA;&#xD;');
  });
  it('replaces characters outside the XML Char range by U+FFFD', () => {
    // Go's own test: "A \x00 terminated string." → "A \uFFFD terminated string."
    expect(escapeGo('A \x00 terminated string.')).toBe('A \uFFFD terminated string.');
    expect(escapeGo('\x01\x1f\uFFFE\uFFFF')).toBe('\uFFFD\uFFFD\uFFFD\uFFFD');
    expect(escapeGo('x\uD800y\uDC00')).toBe('x\uFFFDy\uFFFD');
  });
  it('keeps valid non-ASCII text, including astral characters, unchanged', () => {
    expect(escapeGo('ünïcödé € \u{1F600} \uE000 \uFFFD')).toBe('ünïcödé € \u{1F600} \uE000 \uFFFD');
  });
  it('returns plain text untouched', () => {
    expect(escapeGo('/var/run/kubevirt-private/vmi-disks/d/disk.img')).toBe('/var/run/kubevirt-private/vmi-disks/d/disk.img');
  });
});

describe('serialiseXml', () => {
  const tree = el('domain', { type: 'kvm', 'xmlns:qemu': 'http://libvirt.org/schemas/domain/qemu/1.0' }, [
    textEl('name', 'ns_a&b'),
    el('features', {}, [el('acpi'), el('vmport', { state: 'off' })]),
    el('empty', { attr: '' }),
  ]);

  it('indents like MarshalIndent with two spaces and never self-closes', () => {
    expect(serialiseXml(tree)).toBe(
      [
        '<domain type="kvm" xmlns:qemu="http://libvirt.org/schemas/domain/qemu/1.0">',
        '  <name>ns_a&amp;b</name>',
        '  <features>',
        '    <acpi></acpi>',
        '    <vmport state="off"></vmport>',
        '  </features>',
        '  <empty attr=""></empty>',
        '</domain>',
      ].join('\n'),
    );
  });
  it('uses the given indent (production uses a tab)', () => {
    expect(serialiseXml(el('a', {}, [el('b', {}, [textEl('c', 'x')])]), '\t')).toBe('<a>\n\t<b>\n\t\t<c>x</c>\n\t</b>\n</a>');
  });
  it('escapes attribute values and character data the same way', () => {
    expect(serialiseXml(textEl('cmdline', 'a="1"\n', { v: "it's <x>" }))).toBe('<cmdline v="it&#39;s &lt;x&gt;">a=&#34;1&#34;&#xA;</cmdline>');
  });
  it('leaves out undefined attributes (omitempty) and writes booleans as yes/no', () => {
    expect(serialiseXml(el('loader', { readonly: true, secure: false, type: undefined }))).toBe('<loader readonly="yes" secure="no"></loader>');
  });
});
