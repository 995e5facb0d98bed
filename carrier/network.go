package carrier

import "time"

// Network facts: how long a mobile network keeps trying to deliver an SMS
// (its validity period) and whether it ever sends a handset delivery
// receipt. The functions fit the settings of dlr.Tracker:
//
//	tr := dlr.Tracker{Validity: carrier.Validity, NoHandsetReceipt: carrier.NoHandsetReceipt}
//
// Names longer than 64 bytes match nothing, so that matching never
// allocates.

// network is one row of the facts table.
type network struct {
	names     []string      // normalized: lower-case ASCII letters and digits
	validity  time.Duration // 0: unknown
	noHandset bool
}

// networks is the facts table.
//
// Validity periods of the New Zealand networks: Modica Group, "Carrier Retry
// Rates", https://omni.modicagroup.com/docs/en/useful-information/carrier-retry-rates
// (2degrees 72 hours; Spark and Skinny 5 days; One NZ, formerly Vodafone NZ,
// 24 hours), and for One NZ also
// https://omni.ezitxt.com/docs/en/useful-information/sms-delivery-retry-process/vodafone
// ("24 hours for all application originated messages").
//
// MCC-MNC codes: the PLMN list generated from Wikipedia's "Mobile Network
// Code" page in Midas-Mainline/android_external_libsamsung-ril:include/plmn_list.h
// (530-01 Vodafone, 530-05 XT Mobile Network (Telecom, now Spark), 530-06
// Skinny, 530-24 2degrees; 370-01 Orange, Dominican Republic).
//
// Orange in the Dominican Republic sends no handset receipt: the last status
// a sender sees is "sent to carrier". We found no provider page stating it;
// it is kept here as an observed route behaviour, in one place, so that it
// is easy to correct.
var networks = []network{
	{names: []string{"2degrees", "twodegrees", "2degreesnz", "2degreesmobile", "53024"}, validity: 72 * time.Hour},
	{names: []string{"spark", "sparknz", "sparknewzealand", "telecomnz", "telecomnewzealand", "53005"}, validity: 5 * 24 * time.Hour},
	{names: []string{"skinny", "skinnynz", "skinnymobile", "53006"}, validity: 5 * 24 * time.Hour},
	{names: []string{"onenz", "onenewzealand", "vodafonenz", "vodafonenewzealand", "53001"}, validity: 24 * time.Hour},
	{names: []string{"orangedominicana", "orangedominicanrepublic", "orangedo", "orangedr", "37001"}, noHandset: true},
}

// maxNetworkName bounds the names matched, so that normalizing never
// allocates.
const maxNetworkName = 64

// findNetwork returns the facts row for a network name or MCC-MNC.
func findNetwork(name string) (network, bool) {
	if len(name) > maxNetworkName {
		return network{}, false
	}
	var buf [maxNetworkName]byte
	n := 0
	for i := 0; i < len(name); i++ {
		c := name[i]
		switch {
		case 'A' <= c && c <= 'Z':
			buf[n] = c + 'a' - 'A'
		case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
			buf[n] = c
		default:
			continue
		}
		n++
	}
	key := string(buf[:n]) // does not escape: no allocation
	if key == "" {
		return network{}, false
	}
	for _, nw := range networks {
		for _, k := range nw.names {
			if k == key {
				return nw, true
			}
		}
	}
	return network{}, false
}

// Validity returns the validity period of a network's SMSC for messages
// submitted without one: how long it keeps retrying before it reports
// EXPIRED. It reports false for networks it has no figure for (callers then
// use their default; dlr.Tracker uses dlr.DefaultValidity, 48 hours).
//
// Known: 2degrees 72 hours; Spark and Skinny 5 days; One NZ (Vodafone NZ)
// 24 hours (Modica Group, "Carrier Retry Rates",
// https://omni.modicagroup.com/docs/en/useful-information/carrier-retry-rates).
//
// A network is named by operator name or MCC-MNC. Matching ignores ASCII
// case and every character that is not an ASCII letter or digit: "2degrees",
// "2 Degrees" and "530-24" all name 2degrees. Names that several countries
// share match only with the country ("Vodafone NZ", "One NZ", "Orange
// Dominicana"), because their facts differ by country.
func Validity(network string) (time.Duration, bool) {
	nw, ok := findNetwork(network)
	if !ok || nw.validity == 0 {
		return 0, false
	}
	return nw.validity, true
}

// NoHandsetReceipt reports whether a network is known never to send a
// handset delivery receipt, so that the last status a sender gets is
// ENROUTE ("sent to carrier"). Known: Orange, Dominican Republic ("Orange
// Dominicana", "Orange Dominican Republic", "Orange DO", MCC-MNC 370-01).
// Names are matched as by [Validity].
func NoHandsetReceipt(network string) bool {
	nw, ok := findNetwork(network)
	return ok && nw.noHandset
}
