# Sinatra 3 with rack-protection (Debian's ruby-sinatra, ruby-rack-protection), run by Debian's puma, the lab's fifth
# set (issue 17). Each refusal is one the projects document:
# - Sinatra's default Rack::Protection stack (HttpOrigin, IPSpoofing, JsonCsrf, RemoteToken with sessions…) with
#   `reaction: :deny` (rack-protection's README: the default reaction of its middlewares is a bare 403 "Forbidden";
#   Sinatra otherwise drops the session instead);
# - Rack::Protection::AuthenticityToken as its README shows it (`use Rack::Protection::AuthenticityToken`), a hidden
#   `authenticity_token` field in the form;
# - the `protected!` helper of Sinatra's FAQ ("How do I use HTTP authorization?"): halt 401 with a Basic challenge;
# - Rack::Auth::Basic mounted on /reports (Rack's own middleware: 401 with a challenge, 400 to another scheme);
# - a before filter reading X-Api-Key, and halt 403 / 404 / 500 left to Sinatra's production error pages.
require 'sinatra/base'
require 'json'
require 'rack/protection'

class LabApp < Sinatra::Base
  set :environment, :production
  enable :sessions
  set :session_secret, 'lab-sinatra-session-secret-' + ('0' * 40)
  set :protection, reaction: :deny

  use Rack::Protection::AuthenticityToken, reaction: :deny,
                                           allow_if: ->(env) { env['PATH_INFO'].start_with?('/api/', '/admin') }

  USERS = { 'lab' => 'labpass', 'root' => 'rootpass' }.freeze
  KEYS = ['lab-key-7f3a'].freeze

  helpers do
    def protected!
      return if authorized?

      headers['WWW-Authenticate'] = 'Basic realm="Restricted Area"'
      halt 401, "Not authorized\n"
    end

    def authorized?
      @auth ||= Rack::Auth::Basic::Request.new(request.env)
      @auth.provided? && @auth.basic? && @auth.credentials && USERS[@auth.credentials[0]] == @auth.credentials[1]
    end
  end

  before '/api/v1/*' do
    key = request.env['HTTP_X_API_KEY']
    content_type :json
    halt 401, { error: 'API key missing' }.to_json if key.nil? || key.empty?
    halt 403, { error: 'invalid API key' }.to_json unless KEYS.include?(key)
  end

  get('/') { 'lab' }

  get '/form' do
    token = Rack::Protection::AuthenticityToken.token(session)
    %(<!doctype html><form method="post" action="/comment"><input type="hidden" name="authenticity_token" value="#{token}">
      <input name="text"><button>Post</button></form>)
  end

  post('/comment') { "posted: #{params['text']}" }

  post('/api/profile') { 'profile saved' }

  get '/api/data.json' do
    content_type :json
    { orders: [1, 2, 3] }.to_json
  end

  get '/api/whoami' do
    content_type :json
    { ip: request.ip }.to_json
  end

  get '/api/v1/orders' do
    { orders: [] }.to_json
  end

  get '/admin' do
    protected!
    "Welcome, #{@auth.username}"
  end

  get '/admin/settings' do
    protected!
    halt 403, 'Admins only' unless @auth.username == 'root'
    'settings'
  end

  post '/api/signup' do
    content_type :json
    body = JSON.parse(request.body.read)
    halt 400, { errors: { password: ['is too short (minimum is 8 characters)'] } }.to_json if body['password'].to_s.size < 8
    status 201
    { ok: true }.to_json
  end

  get '/api/boom' do
    raise 'lab: an unhandled error'
  end
end

reports = Rack::Builder.new do
  use Rack::Auth::Basic, 'Reports' do |user, password|
    LabApp::USERS[user] == password
  end
  run ->(_env) { [200, { 'content-type' => 'text/plain' }, ['quarterly report']] }
end

map('/reports') { run reports }
map('/') { run LabApp }
