// Package errcode names the error codes that delivery receipts carry, in
// their namespaces, with meaning, permanence and the status they imply.
//
// A receipt's err: field is not standardized (SMPP 3.4 Appendix B says only
// "network specific error code or an SMSC error code"): the same three digits
// are read as 3GPP MAP codes by Kannel, as vendor codes by most providers.
// A [Code] therefore always carries its [Namespace]; [MAP] (3GPP TS 29.002
// §17.6.6) is the default reading of an SMPP receipt.
//
// [Lookup] finds a code's [Info]: name, description, [Class], the status it
// implies in a final receipt, and the source of the row. [Read] and
// [ParseValue] read a code as receipts write it ("000", "027", "0000",
// "0x00000045"); anything else ("21b") is not a number, and the caller keeps
// the raw text. [FromNetworkErrorCode] reads the SMPP network_error_code TLV.
// Lookup, Read and ParseValue do not allocate.
//
// # Namespaces and sources
//
// Each namespace with a table has one data file, data/<name>.tsv, whose
// header names its sources and whose rows each carry a source column:
//
//   - map: 3GPP TS 29.002 V14.3.0 §17.6.6 local error codes, from Wireshark's
//     MAP-Errors.asn, plus the MAP v1/v2 codes 2, 23 and 24 and the receipt
//     convention 0 = no error (not a 29.002 code).
//   - map-dfc: SM-EnumeratedDeliveryFailureCause, the parameter of MAP
//     sm-DeliveryFailure (32), TS 29.002 (Wireshark MAP-ER-DataTypes.asn).
//   - map-absent-diag: AbsentSubscriberDiagnosticSM, the parameter of MAP
//     absentSubscriberSM (6), values of TS 23.040 Table 1a (RestComm jss7).
//   - smpp: command_status, SMPP 3.4 §5.1.3 and SMPP 5.0 §4.7.6 (Wireshark
//     packet-smpp.c, Kannel smpp_pdu.h), with the vendor range 0x400-0x4FF.
//   - smpp-dfr: the delivery_failure_reason TLV, SMPP 3.4 §5.3.2.33.
//   - tp-status: TP-Status, TS 23.040 §9.2.3.15 (Wireshark packet-gsm_sms.c).
//   - tp-fcs: TP-Failure-Cause, TS 23.040 §9.2.3.22 (Wireshark packet-gsm_sms.c).
//   - rp-cause: RP-Cause, TS 24.011 §8.2.5.4 (libosmocore gsm_04_11.h).
//   - bulksmsrates: the BulkSMSRates receipt err table.
//   - tsg: TSG Global's "Common DLR Error Codes".
//
// The network_error_code types 1, 2, 4, 5, 6 and 8 (ANSI-136, IS-95,
// ANSI-41, message-centre specific) have namespaces but no tables yet; type 3
// (GSM) is read as [MAP] and type 7 as [SMPP].
//
// A row may cover a range of values that share one meaning (TP-Status
// 0x30-0x3F "SC-specific"); [Rows] counts every code in such a range.
//
// # Classes
//
// [ClassPermanent]: resubmitting the same message unchanged fails the same
// way (the definition behind Infobip's permanent flag and Sinch's
// "permanent"). [ClassTemporary]: the same message may succeed later, when
// the subscriber comes back or congestion clears. [ClassNone]: not an error.
// [ClassUnknown]: no source classifies the code and the data gives no reason
// to choose. The class is about the cause and says only whether a new
// submission is worth trying; a temporary cause in a final receipt still
// means the message failed (UNDELIV, or EXPIRED when the validity period ran
// out). Where the sources disagree or say nothing, the class is our
// decision, and the data file's note column says why.
//
// Info.Implies is the status a code means when it arrives in a final
// receipt: UNDELIV for network failures, REJECTD for submit-time and policy
// rejections, EXPIRED, DELETED, DELIVRD where the code says so, a non-final
// ENROUTE for TP-Status "still trying", and none for codes that imply no
// status (0 = no error, bind errors, vendor ranges). The receipt's own stat
// stays the primary source; Implies fills in when it is missing or vague.
//
// # Adding a vendor table
//
// Add data/<name>.tsv, where <name> is the namespace's String ("twilio",
// "vonage", …), with a header comment naming the sources and the seven
// tab-separated columns value, name, class, status, description, source,
// note (see gen.go for the format), then run go generate ./errcode. The
// generator reads every data/*.tsv and rejects a file whose name is not a
// namespace, a row without a source, an unknown class or status word, and
// overlapping values. A test fails while tables.go differs from what the
// data makes. A provider without a namespace gets a new constant at the end
// of the Namespace list, before numNamespaces, and a name in namespaceNames.
//
// # Notable divergences
//
//   - Vendor tables reuse MAP numbers with other meanings. In the
//     BulkSMSRates table 007 is "unknown error" (MAP 7 unknownEquipment),
//     028 "absent subscriber (roaming)" (MAP 28 incompatibleTerminal), 029
//     "unknown subscriber, MSRN" (MAP 29 shortTermDenial), 032 "SMS barred"
//     (MAP 32 sm-DeliveryFailure; barring is MAP 13), 040 "system failure"
//     (MAP 40 tracingBufferFull; MAP systemFailure is 34), and 099, 160 and
//     999 are not MAP codes at all. Read such receipts in the provider's
//     namespace, not as MAP.
//   - MAP 0 is not a 29.002 code; the table has it because receipts write
//     err:000 for "no error". It implies no status.
//   - MAP sm-DeliveryFailure (32) has no class of its own: look up its cause
//     in map-dfc when the receipt carries it.
//   - TP-Status 0x01 ("forwarded, unable to confirm delivery") implies
//     DELIVRD: TS 23.040 counts it as a completed transaction.
//   - SMPP command_status codes that some libraries inherit from OpenSMPP
//     (0x19-0x2A, 0x59, 0x80-0x9F, 0x12C) are reserved in every SMPP
//     version and are not in the table.
package errcode
