import lexicon from './casingLexicon.json';
import type { CasingOptions, SessionPlatform, SmallWordsStyle } from './types';

/**
 * How real talk titles write the words a plain title case gets wrong (learned from conference schedules,
 * `scripts/buildCasingLexicon.mjs`): words written with capitals other than a first one (`eBPF`, `GitHub`),
 * and words title-cased titles keep lowercase beyond the small words (`is`, `from`, `into`).
 */
const LEXICON: { readonly written: Readonly<Record<string, string>>; readonly lowercase: ReadonlySet<string> } = {
	written: lexicon.written,
	lowercase: new Set(lexicon.lowercase),
};

/**
 * Acronyms and brands whose casing a slug loses. Keys are lowercase slug tokens joined by one space
 * (`node js` matches the slug `node-js`, which OpenStack makes of `Node.js`). All-capital entries
 * also match their plural (`crds` → CRDs). `rest` is not here: "the rest of" is English, so REST
 * depends on its neighbours (see `REST_NEIGHBOURS`).
 */
export const BUILTIN_CASING_DICTIONARY: Readonly<Record<string, string>> = {
	'2fa': '2FA', '3d': '3D', '5g': '5G', 'abi': 'ABI', 'ai': 'AI', 'ai ml': 'AI/ML', 'aks': 'AKS', 'aiops': 'AIOps', 'api': 'API', 'apis': 'APIs', 'arm64': 'ARM64', 'aws': 'AWS',
	'bgp': 'BGP', 'bpf': 'BPF', 'ccc': 'CCC', 'cd': 'CD', 'ceph': 'Ceph', 'ci': 'CI', 'ci cd': 'CI/CD', 'cli': 'CLI',
	'cloudnativecon': 'CloudNativeCon', 'cncf': 'CNCF', 'cni': 'CNI', 'containerd': 'containerd', 'cpu': 'CPU',
	'cpus': 'CPUs', 'crd': 'CRD', 'cri': 'CRI', 'cri o': 'CRI-O', 'csi': 'CSI', 'css': 'CSS', 'cuda': 'CUDA', 'cve': 'CVE',
	'dbaas': 'DBaaS',
	'devops': 'DevOps', 'devsecops': 'DevSecOps', 'devstack': 'DevStack', 'dhcp': 'DHCP', 'dns': 'DNS',
	'dpdk': 'DPDK', 'ebpf': 'eBPF', 'ec2': 'EC2', 'eks': 'EKS', 'etcd': 'etcd', 'faas': 'FaaS', 'fastapi': 'FastAPI',
	'finops': 'FinOps', 'fosdem': 'FOSDEM',
	'foss': 'FOSS', 'fpga': 'FPGA', 'freebsd': 'FreeBSD', 'fwaas': 'FWaaS', 'ga': 'GA', 'gcc': 'GCC', 'gdpr': 'GDPR', 'gke': 'GKE',
	'github': 'GitHub', 'gitlab': 'GitLab', 'gitops': 'GitOps', 'gnome': 'GNOME', 'gnu': 'GNU', 'gpl': 'GPL',
	'google io': 'Google I/O', 'gpu': 'GPU', 'gpus': 'GPUs', 'graalvm': 'GraalVM', 'graphql': 'GraphQL', 'grpc': 'gRPC',
	'gstreamer': 'GStreamer', 'ha': 'HA', 'hpc': 'HPC', 'html': 'HTML', 'http': 'HTTP', 'https': 'HTTPS', 'iaas': 'IaaS',
	'iam': 'IAM', 'ietf': 'IETF', 'io': 'I/O', 'io uring': 'io_uring', 'ios': 'iOS', 'iot': 'IoT', 'ip': 'IP', 'ipv4': 'IPv4',
	'ipv6': 'IPv6', 'json': 'JSON', 'javascript': 'JavaScript', 'jdk': 'JDK', 'jit': 'JIT', 'jvm': 'JVM', 'k8s': 'K8s',
	'kde': 'KDE', 'kubecon': 'KubeCon', 'kubectl': 'kubectl', 'kubernetes': 'Kubernetes', 'kvm': 'KVM', 'lbaas': 'LBaaS',
	'ldap': 'LDAP',
	'llm': 'LLM', 'llms': 'LLMs', 'llvm': 'LLVM', 'lxc': 'LXC', 'lxd': 'LXD', 'macos': 'macOS',
	'mariadb': 'MariaDB', 'ml': 'ML', 'mlops': 'MLOps', 'mongodb': 'MongoDB', 'mtls': 'mTLS', 'mysql': 'MySQL',
	'nfv': 'NFV', 'nixos': 'NixOS', 'nova': 'Nova', 'nlp': 'NLP', 'node js': 'Node.js', 'nodejs': 'Node.js', 'nosql': 'NoSQL',
	'numa': 'NUMA', 'numpy': 'NumPy', 'nvme': 'NVMe', 'oauth': 'OAuth', 'oci': 'OCI', 'ocaml': 'OCaml', 'oidc': 'OIDC',
	'onap': 'ONAP', 'openapi': 'OpenAPI', 'openbsd': 'OpenBSD', 'opengl': 'OpenGL', 'openid': 'OpenID',
	'openinfra': 'OpenInfra',
	'openshift': 'OpenShift', 'openstack': 'OpenStack', 'opentelemetry': 'OpenTelemetry',
	'opentofu': 'OpenTofu', 'opnfv': 'OPNFV', 'os': 'OS', 'oss': 'OSS', 'ovn': 'OVN', 'ovs': 'OVS',
	'paas': 'PaaS', 'php': 'PHP', 'posix': 'POSIX', 'postgresql': 'PostgreSQL', 'pretalx': 'pretalx', 'pypi': 'PyPI',
	'pytorch': 'PyTorch', 'qa': 'QA', 'qemu': 'QEMU', 'quic': 'QUIC', 'rabbitmq': 'RabbitMQ', 'rbac': 'RBAC',
	'restful': 'RESTful', 'risc v': 'RISC-V', 'riscv': 'RISC-V', 'saas': 'SaaS', 'saml': 'SAML', 'sbom': 'SBOM',
	'sdk': 'SDK', 'sdn': 'SDN', 'sla': 'SLA', 'slsa': 'SLSA', 'socket io': 'Socket.IO', 'sql': 'SQL', 'sqlite': 'SQLite',
	'sr iov': 'SR-IOV', 'sre': 'SRE', 'ssd': 'SSD', 'ssh': 'SSH', 'ssl': 'SSL', 'sso': 'SSO', 'systemd': 'systemd',
	'tcp': 'TCP', 'tensorflow': 'TensorFlow', 'tls': 'TLS', 'tpm': 'TPM', 'tripleo': 'TripleO',
	'typescript': 'TypeScript', 'uefi': 'UEFI', 'ui': 'UI', 'url': 'URL', 'usb': 'USB', 'ux': 'UX', 'vm': 'VM',
	'vms': 'VMs', 'vnf': 'VNF', 'vnfs': 'VNFs', 'vpc': 'VPC', 'vpn': 'VPN', 'vpnaas': 'VPNaaS', 'vscode': 'VS Code',
	'w3c': 'W3C', 'wasm': 'Wasm', 'webassembly': 'WebAssembly', 'webauthn': 'WebAuthn', 'webgpu': 'WebGPU',
	'webrtc': 'WebRTC', 'websocket': 'WebSocket', 'websockets': 'WebSockets', 'wordpress': 'WordPress', 'x86': 'x86',
	'xdp': 'XDP', 'xml': 'XML', 'yaml': 'YAML', 'zeromq': 'ZeroMQ',
};

/**
 * Words kept lowercase inside a title. The conservative list leaves out `a`, `an`, `the` (in a slug
 * they usually open a subtitle after a lost colon) and `on`, `in`, `up`, `off`, `out`, `with` (often
 * half of a lost compound such as "Hands-On").
 */
const SMALL_WORDS: Readonly<Record<Exclude<SmallWordsStyle, 'schedules'>, ReadonlySet<string>>> = {
	conservative: new Set(['and', 'or', 'nor', 'but', 'of', 'for', 'to', 'at', 'by', 'as', 'vs', 'via', 'per']),
	none: new Set(),
	// AP: articles, conjunctions and prepositions of three letters or fewer.
	ap: new Set(['a', 'an', 'the', 'and', 'but', 'for', 'nor', 'or', 'so', 'yet', 'as', 'at', 'by', 'in',
		'of', 'off', 'on', 'out', 'per', 'to', 'up', 'via', 'vs']),
	// Chicago: articles, coordinating conjunctions and every preposition, whatever its length.
	chicago: new Set(['a', 'an', 'the', 'and', 'but', 'for', 'nor', 'or', 'so', 'yet', 'as', 'vs',
		'about', 'above', 'across', 'after', 'against', 'along', 'among', 'around', 'at', 'before', 'behind',
		'below', 'beneath', 'beside', 'between', 'beyond', 'by', 'down', 'during', 'except', 'from', 'in',
		'inside', 'into', 'like', 'near', 'of', 'off', 'on', 'onto', 'out', 'outside', 'over', 'past', 'per',
		'since', 'through', 'throughout', 'till', 'to', 'toward', 'towards', 'under', 'underneath', 'until',
		'up', 'upon', 'via', 'with', 'within', 'without']),
};

/**
 * Fragments that `\W+`-style slugifiers split off a contraction (`who's` → `who-s`), each with the
 * words it follows in an English contraction. A lone `re`, `t` or `d` elsewhere is a word or an
 * initial (`kernel-re-architecture`, `at-t`), not a contraction. `s` follows any word (possessive).
 */
const CONTRACTION_STEMS: Readonly<Record<string, ReadonlySet<string> | 'any'>> = {
	s: 'any',
	t: new Set(['don', 'can', 'isn', 'won', 'doesn', 'didn', 'aren', 'wasn', 'weren', 'shouldn', 'couldn', 'wouldn',
		'haven', 'hasn', 'hadn', 'mustn', 'needn', 'ain']),
	re: new Set(['we', 'you', 'they']),
	ll: new Set(['i', 'you', 'he', 'she', 'it', 'we', 'they', 'that', 'there', 'who', 'what']),
	ve: new Set(['i', 'you', 'we', 'they', 'who', 'would', 'could', 'should', 'might', 'must']),
	m: new Set(['i']),
	d: new Set(['i', 'you', 'he', 'she', 'it', 'we', 'they', 'who', 'that', 'there']),
};

/** Whether `fragment` after `stem` is a split contraction (`don` + `t`) rather than a word of its own. */
function isContraction(stem: string, fragment: string): boolean {
	const stems = CONTRACTION_STEMS[fragment.toLowerCase()];
	if (stems === undefined || /^\d+$/.test(stem)) {
		return false;
	}
	return stems === 'any' || stems.has(stem.toLowerCase());
}

/** Words that make a neighbouring `rest` the API style rather than the English word ("the rest of"). */
const REST_NEIGHBOURS = {
	next: new Set(['api', 'apis', 'service', 'services', 'endpoint', 'endpoints', 'client', 'clients', 'server',
		'servers', 'call', 'calls', 'interface', 'interfaces', 'developers', 'design', 'architecture', 'resources',
		'vs', 'versus']),
	previous: new Set(['graphql', 'grpc', 'soap', 'json', 'http', 'vs', 'versus']),
};

/** Plurals of all-capital entries that are English words instead (`ha` → has, `ga` → gas). */
const NOT_PLURALS = new Set(['has', 'gas', 'cis', 'abis']);

/**
 * Platforms whose slugifier turns an apostrophe into a separator rather than deleting it. Generic
 * sites are included: a slugifier that deletes apostrophes (WordPress, Django) never leaves a lone
 * `s` or `t` behind, so one in the slug comes from a split contraction.
 */
const APOSTROPHE_SPLITTING: ReadonlySet<SessionPlatform> = new Set(['pretalx', 'fosdem', 'ccc-hub', 'frab', 'generic']);

/** `v2`, `v1beta1`, `17`, `2.0`; not `2fa` or `3d`, which the dictionary cases. */
const VERSION = /^(?:v\d[a-z\d.]*|\d+(?:\.\d+)*)$/;

/** A slug token, with the contraction (`'s`) that followed it in the title. */
interface SlugToken {
	stem: string;
	suffix: string;
}

interface Word {
	text: string;
	/** Dictionary and version words keep their form even first or last in the title. */
	fixed: boolean;
	/** Candidates for lowercasing mid-title (lowercase slug words only). */
	lower?: string;
	/** The word without its contraction, lowercase, for the lexicon. */
	key?: string;
	/** The contraction (`'s`) that followed the word. */
	suffix?: string;
}

function normaliseKey(key: string): string {
	return key.toLowerCase().split(/[\s_-]+/).filter(Boolean).join(' ');
}

interface Dictionary {
	entries: Map<string, string>;
	/** The most slug tokens any key spans. */
	longest: number;
}

// Built once: casing a list of URLs should not rebuild the built-in table per slug.
let builtinDictionary: Dictionary | undefined;

function buildDictionary(user: Record<string, string> | undefined): Dictionary {
	if (!user || Object.keys(user).length === 0) {
		builtinDictionary ??= buildDictionaryFrom({});
		return builtinDictionary;
	}
	return buildDictionaryFrom(user);
}

function buildDictionaryFrom(user: Record<string, string>): Dictionary {
	const entries = new Map<string, string>();
	for (const [key, value] of Object.entries(BUILTIN_CASING_DICTIONARY)) {
		entries.set(key, value);
	}
	for (const [key, value] of Object.entries(user)) {
		const normalised = normaliseKey(key);
		if (normalised && typeof value === 'string' && value.trim()) {
			entries.set(normalised, value.trim());
		}
	}
	for (const [key, value] of [...entries]) {
		const plural = `${key}s`;
		if (!key.includes(' ') && !key.endsWith('s') && /^[A-Z\d]*[A-Z][A-Z\d]*$/.test(value)
			&& !entries.has(plural) && !NOT_PLURALS.has(plural)) {
			entries.set(plural, `${value}s`);
		}
	}
	const longest = Math.max(1, ...[...entries.keys()].map(k => k.split(' ').length));
	return { entries, longest };
}

/** Removes the parts of a slug that belong to the platform, not to the title. */
export function stripPlatformSlugParts(slug: string, platform: SessionPlatform): string {
	let result = slug;
	if (platform === 'fosdem') {
		result = result.replace(/^fosdem-\d{4}-\d+-/i, '');
	}
	return result.replace(/^[-_]+|[-_]+$/g, '');
}

/**
 * Turns a URL slug back into a title as well as the slug allows: platform parts stripped,
 * contractions rejoined where the platform split them, acronyms and brands from the dictionary,
 * versions as typed, other words capitalized, small words lowercase mid-title. The result is a
 * guess: callers mark it as derived.
 */
export function slugToTitle(slug: string, platform: SessionPlatform, casing: CasingOptions = {}): string {
	let decoded = slug;
	try {
		decoded = decodeURIComponent(slug);
	} catch {
		// A malformed escape stays as typed.
	}
	const tokens: SlugToken[] = [];
	const joinContractions = APOSTROPHE_SPLITTING.has(platform);
	for (const part of stripPlatformSlugParts(decoded, platform).split(/[-_\s]+/).filter(Boolean)) {
		const previous = tokens[tokens.length - 1];
		if (joinContractions && previous && !previous.suffix && isContraction(previous.stem, part)) {
			previous.suffix = `'${part.toLowerCase()}`;
		} else {
			tokens.push({ stem: part, suffix: '' });
		}
	}
	const { entries, longest } = buildDictionary(casing.dictionary);
	const style = casing.smallWords ?? 'schedules';
	const words: Word[] = [];
	for (let i = 0; i < tokens.length;) {
		const { stem, suffix } = tokens[i];
		if (/[A-Z]/.test(stem)) {
			// Case-preserving slugs (OpenStack videos from 2022) already carry the right capitals.
			words.push({ text: `${stem}${suffix}`, fixed: true });
			i++;
			continue;
		}
		let matched = false;
		for (let length = Math.min(longest, tokens.length - i); length >= 1 && !matched; length--) {
			const span = tokens.slice(i, i + length);
			// A contraction ends a dictionary phrase: `node's js` is no `node js`.
			if (span.slice(0, -1).some(t => t.suffix)) {
				continue;
			}
			const entry = entries.get(span.map(t => t.stem).join(' ').toLowerCase());
			if (entry !== undefined) {
				words.push({ text: `${entry}${span[span.length - 1].suffix}`, fixed: true });
				i += length;
				matched = true;
			}
		}
		if (matched) {
			continue;
		}
		const lower = stem.toLowerCase();
		if (lower === 'rest' && (REST_NEIGHBOURS.next.has(tokens[i + 1]?.stem.toLowerCase() ?? '')
			|| REST_NEIGHBOURS.previous.has(tokens[i - 1]?.stem.toLowerCase() ?? ''))) {
			words.push({ text: `REST${suffix}`, fixed: true });
		} else if (VERSION.test(lower) && !suffix) {
			words.push({ text: stem, fixed: true });
		} else {
			words.push({ text: `${capitalize(stem)}${suffix}`, fixed: false, lower: `${lower}${suffix}`, key: lower, suffix });
		}
		i++;
	}
	return words.map((word, index) => casedWord(word, index, words.length, style, casing.site)).join(' ');
}

/**
 * A word the dictionary does not fix, in the chosen style: a word real titles write with capitals inside
 * (`eBPF`, `GitHub`) keeps them anywhere; else capitalized, but for the style's small words inside the
 * title (`schedules`: AP's, and the words real title-cased titles keep lowercase).
 */
function casedWord(word: Word, index: number, count: number, style: SmallWordsStyle, site: Readonly<Record<string, string>> | undefined): string {
	if (word.fixed || word.key === undefined) {
		return word.text;
	}
	// As the writer's own site writes it; a lowercase form still opens a title capitalized.
	const own = site && Object.hasOwn(site, word.key) ? site[word.key] : undefined;
	if (own !== undefined) {
		return `${index === 0 && own === own.toLowerCase() ? capitalize(own) : own}${word.suffix ?? ''}`;
	}
	// `rest` is REST only next to API words (`REST_NEIGHBOURS`), whatever schedules mostly mean by it.
	const written = word.key === 'rest' ? undefined : LEXICON.written[word.key];
	if (written !== undefined) {
		return `${written}${word.suffix ?? ''}`;
	}
	const inside = index > 0 && index < count - 1;
	const small = style === 'schedules'
		? SMALL_WORDS.ap.has(word.key) || LEXICON.lowercase.has(word.key)
		: word.lower !== undefined && SMALL_WORDS[style].has(word.lower);
	return inside && small ? word.lower ?? word.text : word.text;
}

function capitalize(token: string): string {
	return token.charAt(0).toUpperCase() + token.slice(1).toLowerCase();
}
