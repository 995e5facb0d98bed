#!/usr/bin/env node
// A small SMSC for the smppreceiver loopback test, built on node-smpp
// (npm smpp 0.5.1, pinned in package.json and package-lock.json).
//
// It listens on 127.0.0.1 with an ephemeral port, accepts any bind, and
// pushes a fixed set of delivery-receipt PDUs (deliver_sm and data_sm) to the
// first session that binds as a receiver or transceiver. It prints JSON lines
// on stdout:
//
//   {"event":"listening","port":N}
//   {"event":"sent","case":…,"command":…,"sequence":…,"hex":…,"expect":{…}}  (one per PDU)
//   {"event":"done","sent":N}                       (every PDU was answered)
//
// "expect" is what a receipt decoder should read from the PDU. The cases and
// their payloads are constructed for this test; the quirks they carry (date
// lengths, decimal text id with a hex TLV id, trailing NUL, receipt in
// message_payload, …) are ones seen in public SMPP stacks.
//
// It exits by itself when the session closes, or after a hard limit.

'use strict';

const smpp = require('smpp');

const HARD_LIMIT_MS = 30000;

const handset = '447700900123'; // the receipt's source_addr: the original recipient
const sender = 'DLRKIT'; // the receipt's destination_addr: the original sender

// Receipt esm_class values (SMPP 3.4 §5.2.12, 5.0 §4.7.12).
const ESM_RECEIPT = 0x04; // SMSC delivery receipt
const ESM_INTERMEDIATE = 0x20; // intermediate delivery notification

function receipt(f) {
	const parts = [];
	if (f.id !== undefined) parts.push('id:' + f.id);
	if (f.sub !== undefined) parts.push('sub:' + f.sub);
	if (f.dlvrd !== undefined) parts.push('dlvrd:' + f.dlvrd);
	if (f.submit !== undefined) parts.push('submit date:' + f.submit);
	if (f.done !== undefined) parts.push('done date:' + f.done);
	if (f.stat !== undefined) parts.push('stat:' + f.stat);
	if (f.err !== undefined) parts.push('err:' + f.err);
	if (f.text !== undefined) parts.push('text:' + f.text);
	return parts.join(' ');
}

function ascii(s) {
	return Buffer.from(s, 'latin1');
}

function ucs2(s) {
	const le = Buffer.from(s, 'utf16le');
	const be = Buffer.alloc(le.length);
	for (let i = 0; i + 1 < le.length; i += 2) {
		be[i] = le[i + 1];
		be[i + 1] = le[i];
	}
	return be;
}

// network_error_code: type octet, 16-bit code (SMPP 3.4 §5.3.2.31).
function nec(type, code) {
	const b = Buffer.alloc(3);
	b[0] = type;
	b.writeUInt16BE(code, 1);
	return b;
}

const dates = {
	submit10: '2302231414', // yyMMddHHmm
	done10: '2302231415',
	submit12s: '141023215253', // yyMMddHHmmss (Clickatell style); invalid as yyyyMMddHHmm
	done12s: '141023215301',
	submit12m: '201506201641', // yyyyMMddHHmm (Jasmin output); invalid as yyMMddHHmmss
	done12m: '201506201642',
	done12mixed: '230223194211', // a 12-digit done date next to a 10-digit submit date
};

const rfc = {
	submit10: '2023-02-23T14:14:00Z',
	done10: '2023-02-23T14:15:00Z',
	submit12s: '2014-10-23T21:52:53Z',
	done12s: '2014-10-23T21:53:01Z',
	submit12m: '2015-06-20T16:41:00Z',
	done12m: '2015-06-20T16:42:00Z',
	done12mixed: '2023-02-23T19:42:11Z',
};

// textCase builds a deliver_sm whose short_message is a receipt text in
// the given bytes.
function textCase(name, f, opts) {
	opts = opts || {};
	const text = receipt(f);
	const params = {
		source_addr_ton: 1,
		source_addr_npi: 1,
		source_addr: handset,
		destination_addr: sender,
		esm_class: opts.esm === undefined ? ESM_RECEIPT : opts.esm,
		data_coding: opts.dc === undefined ? 0 : opts.dc,
		short_message: (opts.encode || ascii)(text + (opts.suffix || '')),
	};
	Object.assign(params, opts.tlvs || {});
	const expect = {
		message_id: opts.expectID || f.id,
		status: opts.expectStatus || f.stat,
		to: handset,
		from: sender,
		submitted_at: f.submit ? rfc[opts.submitKey] : '',
		done_at: f.done ? rfc[opts.doneKey] : '',
		submitted: f.sub === undefined ? 0 : parseInt(f.sub, 10),
		delivered: f.dlvrd === undefined ? 0 : parseInt(f.dlvrd, 10),
		text: f.text === undefined ? '' : f.text,
	};
	// Every case states the error: raw_error as sent, error as
	// "namespace:value" (err: is read as a 3GPP MAP code), "" for none.
	expect.raw_error = opts.rawError !== undefined ? opts.rawError : (f.err === undefined ? '' : f.err);
	expect.error = opts.error !== undefined ? opts.error : (/^[0-9]+$/.test(f.err || '') ? 'map:' + parseInt(f.err, 10) : '');
	return {name: name, command: 'deliver_sm', params: params, expect: expect};
}

function full(id, stat, err, text) {
	return {
		id: id, sub: '001', dlvrd: stat === 'DELIVRD' ? '001' : '000',
		submit: dates.submit10, done: dates.done10, stat: stat, err: err, text: text,
	};
}

const d10 = {submitKey: 'submit10', doneKey: 'done10'};

const cases = [
	// Every SMPP 3.4 Appendix B status word, 10-digit dates, text only.
	textCase('delivrd', full('0000436949', 'DELIVRD', '000', 'Your code is 4821'), d10),
	textCase('undeliv', full('0000436950', 'UNDELIV', '001', 'Your code is 4822'), Object.assign({error: 'map:1'}, d10)),
	textCase('expired', full('0000436951', 'EXPIRED', '027', 'Your code is 4823'), Object.assign({error: 'map:27'}, d10)),
	textCase('deleted', full('0000436952', 'DELETED', '000', 'Your code is 4824'), d10),
	textCase('rejectd', full('0000436953', 'REJECTD', '011', 'Your code is 4825'), Object.assign({error: 'map:11'}, d10)),
	textCase('unknown', full('0000436954', 'UNKNOWN', '000', 'Your code is 4826'), d10),
	// Intermediate notifications (esm_class 0x20).
	textCase('acceptd-intermediate', full('0000436955', 'ACCEPTD', '000', 'Your code is 4827'), Object.assign({esm: ESM_INTERMEDIATE}, d10)),
	textCase('enroute-intermediate', full('0000436956', 'ENROUTE', '000', 'Your code is 4828'), Object.assign({esm: ESM_INTERMEDIATE}, d10)),
	// 12-digit dates, both readings, and 10 and 12 digits in one receipt.
	textCase('dates-12-seconds', {id: '1f2a3b4c', sub: '001', dlvrd: '001', submit: dates.submit12s, done: dates.done12s, stat: 'DELIVRD', err: '000', text: 'Hello'},
		{submitKey: 'submit12s', doneKey: 'done12s'}),
	textCase('dates-12-minutes', {id: '1f2a3b4d', sub: '001', dlvrd: '001', submit: dates.submit12m, done: dates.done12m, stat: 'DELIVRD', err: '000', text: 'Hello'},
		{submitKey: 'submit12m', doneKey: 'done12m'}),
	textCase('dates-10-and-12', {id: '1f2a3b4e', sub: '001', dlvrd: '001', submit: dates.submit10, done: dates.done12mixed, stat: 'DELIVRD', err: '000', text: 'Hello'},
		{submitKey: 'submit10', doneKey: 'done12mixed'}),
	// No sub/dlvrd, err:0000 with four digits.
	textCase('no-sub-dlvrd', {id: '1526758174', submit: dates.submit10, done: dates.done10, stat: 'DELIVRD', err: '0000', text: 'hellow'}, d10),
	// Decimal text id with the hex TLV id of the same number (0059113978 = 0x38601fa),
	// message_state and network_error_code (GSM, 0x0020 = 32) agreeing with the text.
	textCase('text-and-tlvs-decimal-hex', full('0059113978', 'UNDELIV', '032', 'Ticket 88'),
		Object.assign({
			tlvs: {receipted_message_id: '38601fa', message_state: 5, network_error_code: nec(3, 0x20)},
			expectID: '38601fa', error: 'map:32', // raw_error: the text's err:032
		}, d10)),
	// TLVs only: empty short_message.
	{
		name: 'tlv-only-delivered', command: 'deliver_sm',
		params: {
			source_addr_ton: 1, source_addr_npi: 1, source_addr: handset, destination_addr: sender,
			esm_class: ESM_RECEIPT, data_coding: 0, short_message: Buffer.alloc(0),
			receipted_message_id: '6E84FC04', message_state: 2,
		},
		expect: {message_id: '6E84FC04', status: 'DELIVRD', to: handset, from: sender, submitted_at: '', done_at: '', submitted: 0, delivered: 0, text: '', raw_error: '', error: ''},
	},
	{
		name: 'tlv-only-skipped', command: 'deliver_sm',
		params: {
			source_addr_ton: 1, source_addr_npi: 1, source_addr: handset, destination_addr: sender,
			esm_class: ESM_RECEIPT, data_coding: 0, short_message: Buffer.alloc(0),
			receipted_message_id: '4817DB71', message_state: 9,
		},
		expect: {message_id: '4817DB71', status: 'SKIPPED', to: handset, from: sender, submitted_at: '', done_at: '', submitted: 0, delivered: 0, text: '', raw_error: '', error: ''},
	},
	// UCS-2 (data_coding 8) and Latin-1 (data_coding 3) receipt text.
	textCase('ucs2-text', full('0000436957', 'DELIVRD', '000', 'Привет, код 4829'), Object.assign({dc: 8, encode: ucs2}, d10)),
	textCase('latin1-text', full('0000436958', 'DELIVRD', '000', 'Grüße, café 4830'), Object.assign({dc: 3, encode: ascii}, d10)),
	// Long ids: 19-digit decimal (above 2^53), 32-char hex, UUID.
	textCase('long-decimal-id', full('9007199254740993123', 'DELIVRD', '000', 'Hello'), d10),
	textCase('long-hex-id', full('5f1c2a7e9b0d4c3fa8e6b1d2c3f4a5b6', 'DELIVRD', '000', 'Hello'), d10),
	textCase('uuid-id', full('0e999f21-5c4b-4a53-9d0e-2f1a8b7c6d5e', 'DELIVRD', '000', 'Hello'), d10),
	// Trailing NUL after the text (seen from Telenor SE).
	textCase('trailing-nul', full('1854209028', 'DELIVRD', '000', 'Hello'), Object.assign({suffix: '\u0000'}, d10)),
	// data_coding 0xF0 (message class, default alphabet): gosmpp v0.3.1 has
	// no encoding for it.
	textCase('data-coding-f0', full('0000436959', 'DELIVRD', '000', 'Hello'), Object.assign({dc: 0xF0}, d10)),
	// data_sm with TLVs only.
	{
		name: 'data-sm-tlvs', command: 'data_sm',
		params: {
			source_addr_ton: 1, source_addr_npi: 1, source_addr: handset, destination_addr: sender,
			esm_class: ESM_RECEIPT, data_coding: 0,
			receipted_message_id: '67FE4EAB', message_state: 3, network_error_code: nec(3, 27),
		},
		expect: {message_id: '67FE4EAB', status: 'EXPIRED', to: handset, from: sender, submitted_at: '', done_at: '', submitted: 0, delivered: 0, text: '', raw_error: '03001b', error: 'map:27'}, // raw_error: the TLV's octets in hex
	},
	// data_sm with the receipt text in message_payload.
	{
		name: 'data-sm-payload', command: 'data_sm',
		params: {
			source_addr_ton: 1, source_addr_npi: 1, source_addr: handset, destination_addr: sender,
			esm_class: ESM_RECEIPT, data_coding: 0,
			message_payload: ascii(receipt(full('0416342074', 'DELIVRD', '000', 'Payload receipt'))),
		},
		expect: {
			message_id: '0416342074', status: 'DELIVRD', to: handset, from: sender,
			submitted_at: rfc.submit10, done_at: rfc.done10, submitted: 1, delivered: 1, text: 'Payload receipt', raw_error: '000', error: 'map:0',
		},
	},
];

function emit(o) {
	process.stdout.write(JSON.stringify(o) + '\n');
}

let pushed = false;

function push(session) {
	let i = 0;
	let seq = 0;
	const next = function() {
		if (i >= cases.length) {
			emit({event: 'done', sent: cases.length});
			return;
		}
		const c = cases[i++];
		const pdu = new smpp.PDU(c.command, Object.assign({}, c.params));
		pdu.sequence_number = ++seq;
		const hex = pdu.toBuffer().toString('hex');
		session.send(pdu, function(resp) {
			if (resp.command_status !== 0) {
				process.stderr.write('smsc: ' + c.name + ': response status ' + resp.command_status + '\n');
			}
			next();
		}, function() {
			emit({event: 'sent', case: c.name, command: c.command, sequence: pdu.sequence_number, hex: hex, expect: c.expect});
		});
	};
	next();
}

const server = smpp.createServer(function(session) {
	session.on('error', function(e) {
		process.stderr.write('smsc: session: ' + e.message + '\n');
	});
	const onBind = function(canReceive) {
		return function(pdu) {
			session.send(pdu.response({system_id: 'dlrkit-smsc'}));
			if (canReceive && !pushed) {
				pushed = true;
				push(session);
			}
		};
	};
	session.on('bind_receiver', onBind(true));
	session.on('bind_transceiver', onBind(true));
	session.on('bind_transmitter', onBind(false));
	session.on('enquire_link', function(pdu) {
		session.send(pdu.response());
	});
	session.on('unbind', function(pdu) {
		session.send(pdu.response());
		session.close();
	});
	session.on('close', function() {
		if (pushed) {
			process.exit(0);
		}
	});
});

server.on('error', function(e) {
	process.stderr.write('smsc: ' + e.message + '\n');
	process.exit(1);
});

server.listen(0, '127.0.0.1', function() {
	emit({event: 'listening', port: server.address().port});
});

setTimeout(function() {
	process.stderr.write('smsc: hard limit reached\n');
	process.exit(2);
}, HARD_LIMIT_MS).unref();
