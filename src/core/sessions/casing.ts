import type { CasingOptions, SessionPlatform, SmallWordsStyle } from './types';

/**
 * Acronyms and brands whose casing a slug loses. Keys are lowercase slug tokens joined by one space
 * (`node js` matches the slug `node-js`, which OpenStack makes of `Node.js`).
 */
export const BUILTIN_CASING_DICTIONARY: Readonly<Record<string, string>> = {
	'3d': '3D', '5g': '5G', 'ai': 'AI', 'aiops': 'AIOps', 'api': 'API', 'apis': 'APIs', 'arm64': 'ARM64', 'aws': 'AWS',
	'bgp': 'BGP', 'bpf': 'BPF', 'ccc': 'CCC', 'cd': 'CD', 'ceph': 'Ceph', 'ci': 'CI', 'cli': 'CLI',
	'cloudnativecon': 'CloudNativeCon', 'cncf': 'CNCF', 'cni': 'CNI', 'cpu': 'CPU', 'cpus': 'CPUs',
	'cri': 'CRI', 'cri o': 'CRI-O', 'csi': 'CSI', 'css': 'CSS', 'cuda': 'CUDA', 'dbaas': 'DBaaS',
	'devops': 'DevOps', 'devsecops': 'DevSecOps', 'devstack': 'DevStack', 'dhcp': 'DHCP', 'dns': 'DNS',
	'dpdk': 'DPDK', 'ebpf': 'eBPF', 'etcd': 'etcd', 'faas': 'FaaS', 'finops': 'FinOps', 'fosdem': 'FOSDEM',
	'foss': 'FOSS', 'fpga': 'FPGA', 'freebsd': 'FreeBSD', 'fwaas': 'FWaaS', 'gcc': 'GCC', 'gdpr': 'GDPR',
	'github': 'GitHub', 'gitlab': 'GitLab', 'gitops': 'GitOps', 'gnome': 'GNOME', 'gnu': 'GNU', 'gpl': 'GPL',
	'gpu': 'GPU', 'gpus': 'GPUs', 'graalvm': 'GraalVM', 'graphql': 'GraphQL', 'grpc': 'gRPC', 'ha': 'HA',
	'hpc': 'HPC', 'html': 'HTML', 'http': 'HTTP', 'https': 'HTTPS', 'iaas': 'IaaS', 'ietf': 'IETF',
	'io': 'I/O', 'ios': 'iOS', 'iot': 'IoT', 'ip': 'IP', 'ipv4': 'IPv4', 'ipv6': 'IPv6', 'json': 'JSON',
	'javascript': 'JavaScript', 'jdk': 'JDK', 'jvm': 'JVM', 'k8s': 'K8s', 'kde': 'KDE',
	'kubecon': 'KubeCon', 'kubernetes': 'Kubernetes', 'kvm': 'KVM', 'lbaas': 'LBaaS', 'ldap': 'LDAP',
	'llm': 'LLM', 'llms': 'LLMs', 'llvm': 'LLVM', 'lxc': 'LXC', 'lxd': 'LXD', 'macos': 'macOS',
	'mariadb': 'MariaDB', 'ml': 'ML', 'mlops': 'MLOps', 'mongodb': 'MongoDB', 'mysql': 'MySQL',
	'nfv': 'NFV', 'nlp': 'NLP', 'node js': 'Node.js', 'nodejs': 'Node.js', 'nosql': 'NoSQL',
	'numa': 'NUMA', 'numpy': 'NumPy', 'nvme': 'NVMe', 'oauth': 'OAuth', 'oci': 'OCI', 'ocaml': 'OCaml',
	'onap': 'ONAP', 'openbsd': 'OpenBSD', 'opengl': 'OpenGL', 'openid': 'OpenID', 'openinfra': 'OpenInfra',
	'openshift': 'OpenShift', 'openstack': 'OpenStack', 'opentelemetry': 'OpenTelemetry',
	'opentofu': 'OpenTofu', 'opnfv': 'OPNFV', 'os': 'OS', 'oss': 'OSS', 'ovn': 'OVN', 'ovs': 'OVS',
	'paas': 'PaaS', 'php': 'PHP', 'postgresql': 'PostgreSQL', 'pretalx': 'pretalx', 'pypi': 'PyPI',
	'qa': 'QA', 'qemu': 'QEMU', 'rabbitmq': 'RabbitMQ', 'rest': 'REST', 'risc v': 'RISC-V',
	'riscv': 'RISC-V', 'saas': 'SaaS', 'saml': 'SAML', 'sdk': 'SDK', 'sdn': 'SDN', 'sla': 'SLA',
	'sql': 'SQL', 'sr iov': 'SR-IOV', 'sre': 'SRE', 'ssd': 'SSD', 'ssh': 'SSH', 'sso': 'SSO',
	'systemd': 'systemd', 'tcp': 'TCP', 'tls': 'TLS', 'tripleo': 'TripleO', 'typescript': 'TypeScript',
	'ui': 'UI', 'url': 'URL', 'usb': 'USB', 'ux': 'UX', 'vm': 'VM', 'vms': 'VMs', 'vnf': 'VNF',
	'vnfs': 'VNFs', 'vpn': 'VPN', 'vpnaas': 'VPNaaS', 'vscode': 'VS Code', 'w3c': 'W3C', 'wasm': 'Wasm',
	'webassembly': 'WebAssembly', 'webgpu': 'WebGPU', 'webrtc': 'WebRTC', 'websocket': 'WebSocket',
	'websockets': 'WebSockets', 'wordpress': 'WordPress', 'x86': 'x86', 'xml': 'XML', 'yaml': 'YAML',
	'zeromq': 'ZeroMQ',
};

/**
 * Words kept lowercase inside a title. The conservative list leaves out `a`, `an`, `the` (in a slug
 * they usually open a subtitle after a lost colon) and `on`, `in`, `up`, `off`, `out`, `with` (often
 * half of a lost compound such as "Hands-On").
 */
const SMALL_WORDS: Readonly<Record<SmallWordsStyle, ReadonlySet<string>>> = {
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

/** Fragments that `\W+`-style slugifiers split off a contraction (`who's` → `who-s`). */
const CONTRACTION_FRAGMENTS = new Set(['s', 't', 're', 'll', 've', 'd', 'm']);

/**
 * Platforms whose slugifier turns an apostrophe into a separator rather than deleting it. Generic
 * sites are included: a slugifier that deletes apostrophes (WordPress, Django) never leaves a lone
 * `s` or `t` behind, so one in the slug comes from a split contraction.
 */
const APOSTROPHE_SPLITTING: ReadonlySet<SessionPlatform> = new Set(['pretalx', 'fosdem', 'ccc-hub', 'frab', 'generic']);

const VERSION = /^v?\d+[a-z\d]*$/;

interface Word {
	text: string;
	/** Dictionary and version words keep their form even first or last in the title. */
	fixed: boolean;
	/** Candidates for lowercasing mid-title (lowercase slug words only). */
	lower?: string;
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
	const tokens = stripPlatformSlugParts(decoded, platform).split(/[-_\s]+/).filter(Boolean);
	if (APOSTROPHE_SPLITTING.has(platform)) {
		for (let i = tokens.length - 1; i > 0; i--) {
			if (CONTRACTION_FRAGMENTS.has(tokens[i]) && !/^\d+$/.test(tokens[i - 1])) {
				tokens.splice(i - 1, 2, `${tokens[i - 1]}'${tokens[i]}`);
			}
		}
	}
	const { entries, longest } = buildDictionary(casing.dictionary);
	const smallWords = SMALL_WORDS[casing.smallWords ?? 'conservative'];
	const words: Word[] = [];
	for (let i = 0; i < tokens.length;) {
		const token = tokens[i];
		if (/[A-Z]/.test(token)) {
			// Case-preserving slugs (OpenStack videos from 2022) already carry the right capitals.
			words.push({ text: token, fixed: true });
			i++;
			continue;
		}
		let matched = false;
		for (let length = Math.min(longest, tokens.length - i); length >= 1 && !matched; length--) {
			const key = tokens.slice(i, i + length).join(' ').toLowerCase();
			const entry = entries.get(key);
			if (entry !== undefined) {
				words.push({ text: entry, fixed: true });
				i += length;
				matched = true;
			}
		}
		if (matched) {
			continue;
		}
		if (VERSION.test(token) && /\d/.test(token)) {
			words.push({ text: token, fixed: true });
		} else {
			words.push({ text: capitalize(token), fixed: false, lower: token.toLowerCase() });
		}
		i++;
	}
	return words.map((word, index) => {
		const inside = index > 0 && index < words.length - 1;
		if (!word.fixed && inside && word.lower !== undefined && smallWords.has(word.lower)) {
			return word.lower;
		}
		return word.text;
	}).join(' ');
}

function capitalize(token: string): string {
	return token.charAt(0).toUpperCase() + token.slice(1).toLowerCase();
}
