// Scenario: Every field reaches the bridge configuration
const mockData = {
  chiliPiper: true,
  customerly: false,
  userlike: true,
  genesys: false,
  calendly: true,
  typeform: true,
  livechat: true,
  tidio: false,
  tawkTo: true,
  crisp: true,
  intercom: true,
  drift: true,
  zendesk: true,
  output: 'gtag',
  dataLayerName: 'siteLayer',
  eventPrefix: 'chat_',
  generateLead: true,
  leadActions: [
    { vendor: 'chili_piper', action: 'booked' },
    { vendor: 'chili_piper', action: 'booking-confirmed' },
    { vendor: 'userlike', action: 'register_submit' },
    { vendor: 'userlike', action: '' },
    { vendor: 'livechat', action: 'form_submitted:prechat' },
  ],
  chiliPiperOrigins: [{ origin: 'https://booking.example.com' }, { origin: '' }],
  calendlyOrigins: [{ origin: 'https://scheduling.example.com' }, { origin: '' }],
  typeformOrigins: [{ origin: 'https://forms.example.com' }, { origin: '' }],
  calComOrigins: [{ origin: '' }, { origin: 'https://cal.example.com' }],
  hubspotOrigins: [{ origin: 'https://meet.example.com' }],
  hashEmail: true,
  debug: true,
};

let config;
mock('setInWindow', function (key, value) {
  config = value;
});
mock('injectScript', function (url, onSuccess) {
  onSuccess();
});

runCode(mockData);

assertThat(config).isEqualTo({
  vendors: ['chili_piper', 'userlike', 'calendly', 'typeform', 'livechat', 'tawk_to', 'crisp', 'intercom', 'drift', 'zendesk'],
  dataLayerName: 'siteLayer',
  eventPrefix: 'chat_',
  output: 'gtag',
  chiliPiper: { origins: ['https://booking.example.com'], relay: null },
  calendly: { origins: ['https://scheduling.example.com'] },
  typeform: { origins: ['https://forms.example.com'] },
  calCom: { origins: ['https://cal.example.com'] },
  hubspot: { origins: ['https://meet.example.com'] },
  leadActions: { chili_piper: ['booked', 'booking-confirmed'], userlike: ['register_submit'], livechat: ['form_submitted:prechat'] },
  generateLead: true,
  hashEmail: true,
  debug: true,
});
assertApi('logToConsole').wasCalled();
assertApi('gtmOnSuccess').wasCalled();
